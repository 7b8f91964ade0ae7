import FluentKit
import Foundation
import TIDomain

/// Reads of the envelopes, restricted to what a principal may see (`FundAccess.scopedEnvelopes`).
public enum EnvelopeQueries {
    /// The envelopes a person may see, by call title, région name and funder.
    public static func visible(to principal: Principal, on db: any Database) async throws -> [EnvelopeSummary] {
        try await FundAccess.scopedEnvelopes(Envelope.query(on: db), principal).with(\.$call).with(\.$region).all()
            .map(summary)
            .sorted { ($0.callTitle, $0.regionName, $0.funder.rawValue) < ($1.callTitle, $1.regionName, $1.funder.rawValue) }
    }

    /// A call's envelopes, by région name and funder.
    public static func ofCall(_ id: UUID, on db: any Database) async throws -> [EnvelopeSummary] {
        try await Envelope.query(on: db).filter(\.$call.$id == id).with(\.$call).with(\.$region).all()
            .map(summary).sorted {
                (SearchText.normalise($0.regionName), $0.funder.rawValue) < (SearchText.normalise($1.regionName), $1.funder.rawValue)
            }
    }

    /// A région's envelopes (its committee page), by call title and funder.
    public static func inRegion(_ code: String, on db: any Database) async throws -> [EnvelopeSummary] {
        try await Envelope.query(on: db).filter(\.$region.$id == code).with(\.$call).with(\.$region).all()
            .map(summary).sorted { ($0.callTitle, $0.funder.rawValue) < ($1.callTitle, $1.funder.rawValue) }
    }

    /// One envelope, if this person may see it.
    public static func find(_ id: UUID, visibleTo principal: Principal, on db: any Database) async throws -> EnvelopeSummary? {
        try await FundAccess.scopedEnvelopes(Envelope.query(on: db), principal).filter(\.$id == id)
            .with(\.$call).with(\.$region).first().map(summary)
    }

    /// An envelope's movements, oldest first.
    public static func movements(of id: UUID, on db: any Database) async throws -> [EnvelopeMovementLine] {
        let movements = try await EnvelopeMovement.query(on: db).filter(\.$envelope.$id == id).sort(\.$atEpoch).all()
        let ids = Set(movements.compactMap(\.applicationID))
        let references = Dictionary(
            uniqueKeysWithValues: try await FundApplication.query(on: db).filter(\.$id ~~ ids).all()
                .compactMap { a in a.id.map { ($0, a.reference ?? "—") } })
        return movements.map {
            EnvelopeMovementLine(
                atEpoch: $0.atEpoch, kind: $0.kind, amount: EuroCents(cents: $0.amountCents), applicationID: $0.applicationID,
                applicationReference: $0.applicationID.flatMap { references[$0] }, note: $0.note)
        }
    }

    static func summary(_ e: Envelope) -> EnvelopeSummary {
        EnvelopeSummary(
            id: e.id!, callID: e.$call.id, callTitle: e.call.title, regionCode: e.$region.id, regionName: e.region.name,
            funder: e.funder, amount: EuroCents(cents: e.amountCents), committed: EuroCents(cents: e.committedCents),
            paid: EuroCents(cents: e.paidCents), oneForOne: e.oneForOne)
    }
}
