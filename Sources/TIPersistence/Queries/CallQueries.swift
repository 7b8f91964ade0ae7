import FluentKit
import Foundation
import TIDomain

/// Reads of the calls for projects and their aid regimes.
public enum CallQueries {
    /// Every call with its regime, latest opening first.
    public static func summaries(on db: any Database) async throws -> [CallSummary] {
        try await FundCall.query(on: db).with(\.$regime).sort(\.$opensOn, .descending).all().compactMap(summary)
    }

    public static func summary(_ id: UUID, on db: any Database) async throws -> CallSummary? {
        try await FundCall.query(on: db).filter(\.$id == id).with(\.$regime).first().flatMap(summary)
    }

    static func summary(_ c: FundCall) -> CallSummary? {
        guard let id = c.id else { return nil }
        return CallSummary(
            id: id, title: c.title, description: c.description, rules: c.rules, regimeLabel: c.regime.label,
            ceiling: EuroCents(cents: c.regime.ceilingCents), requiredDocuments: c.requiredDocuments)
    }

    /// Every call, latest opening first.
    public static func all(on db: any Database) async throws -> [FundCall] {
        try await FundCall.query(on: db).sort(\.$opensOn, .descending).all()
    }

    /// The calls open for deposits on `day`.
    public static func open(on day: CivilDate, on db: any Database) async throws -> [CallSummary] {
        try await summaries(on: db).filter { $0.rules.isOpen(on: day) }
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> FundCall? {
        try await FundCall.find(id, on: db)
    }

    /// Every aid regime, by identifier.
    public static func regimes(on db: any Database) async throws -> [AidRegime] {
        try await AidRegimeRecord.query(on: db).sort(\.$id).all().map(\.regime)
    }

    public static func regime(_ id: String, on db: any Database) async throws -> AidRegime? {
        try await AidRegimeRecord.find(id, on: db)?.regime
    }

    /// The regime a call is under (a foreign key: always there).
    public static func regime(of call: FundCall, on db: any Database) async throws -> AidRegimeRecord {
        try await call.$regime.get(on: db)
    }

    /// Amounts per call: the State's and the Régions' envelopes, and what is committed on them.
    public struct Totals: Sendable {
        public var state: EuroCents = .zero
        public var region: EuroCents = .zero
        public var committed: EuroCents = .zero
        public init() {}
    }

    public static func totals(on db: any Database) async throws -> [UUID: Totals] {
        var totals: [UUID: Totals] = [:]
        for e in try await Envelope.query(on: db).all() {
            var t = totals[e.$call.id] ?? Totals()
            if e.funder == .state {
                t.state = t.state + EuroCents(cents: e.amountCents)
            } else {
                t.region = t.region + EuroCents(cents: e.amountCents)
            }
            t.committed = t.committed + EuroCents(cents: e.committedCents)
            totals[e.$call.id] = t
        }
        return totals
    }
}
