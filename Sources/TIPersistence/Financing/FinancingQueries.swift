import FluentKit
import Foundation
import TIDomain

/// Reads of the partners' commitments, as plain values.
public enum FinancingQueries {
    /// An instrument as forms and pages show it.
    public struct Instrument: Sendable, Equatable {
        public var code: String
        public var name: String
        public var partner: String
        public var partnerName: String
        public var kind: FunderKind
        public var unit: CommitmentUnit
        public var fromFund: Bool
    }

    public static func instruments(on db: any Database) async throws -> [Instrument] {
        let partners = Dictionary(
            uniqueKeysWithValues: try await PartnerRecord.query(on: db).all().compactMap { p in p.id.map { ($0, p) } })
        return try await InstrumentRecord.query(on: db).sort(\.$partnerCode).sort(\.$name).all().compactMap { i in
            guard let code = i.id, let p = partners[i.partnerCode], let kind = FunderKind(rawValue: p.kind),
                let unit = CommitmentUnit(rawValue: i.unit)
            else { return nil }
            return Instrument(
                code: code, name: i.name, partner: i.partnerCode, partnerName: p.name, kind: kind, unit: unit, fromFund: i.fromFund)
        }
    }

    /// One commitment as the list and the API show it.
    public struct Commitment: Sendable, Equatable {
        public var id: UUID
        public var instrument: Instrument
        public var content: CommitmentContent
    }

    /// One commitment by id.
    public static func commitment(_ id: UUID, on db: any Database) async throws -> Commitment? {
        guard let r = try await CommitmentRecord.find(id, on: db), let content = r.content else { return nil }
        guard let i = try await instruments(on: db).first(where: { $0.code == r.instrumentCode }) else { return nil }
        return Commitment(id: id, instrument: i, content: content)
    }

    /// Entered commitments, latest first, optionally of one partner; those of `range` and how many in all.
    public static func commitments(
        partner: String? = nil, action: UUID? = nil, range: Range<Int>? = nil, on db: any Database
    ) async throws -> (items: [Commitment], total: Int) {
        let instruments = try await self.instruments(on: db)
        let byCode = Dictionary(uniqueKeysWithValues: instruments.map { ($0.code, $0) })
        func query() -> QueryBuilder<CommitmentRecord> {
            var q = CommitmentRecord.query(on: db)
            if let partner { q = q.filter(\.$instrumentCode ~~ instruments.filter { $0.partner == partner }.map(\.code)) }
            if let action { q = q.filter(\.$actionID == action) }
            return q.sort(\.$onDate, .descending).sort(\.$id)
        }
        let total = try await query().count()
        let rows = try await (range.map { query().range($0) } ?? query()).all()
        return (
            rows.compactMap { r in
                guard let id = r.id, let i = byCode[r.instrumentCode], let content = r.content else { return nil }
                return Commitment(id: id, instrument: i, content: content)
            }, total
        )
    }

    /// The financing at the end of `date`: every instrument's line from the commitments dated by
    /// then, the fund's from its own envelopes (`fund`: State and Régions allotted at that date).
    public static func figures(
        asOf date: CivilDate, fund: (state: EuroCents, region: EuroCents), on db: any Database
    ) async throws -> FinancingFigures {
        let instruments = try await self.instruments(on: db)
        var lines = Dictionary(
            uniqueKeysWithValues: instruments.map {
                (
                    $0.code,
                    FinancingFigures.Line(
                        partner: $0.partner, partnerName: $0.partnerName, kind: $0.kind, instrument: $0.code, instrumentName: $0.name,
                        unit: $0.unit)
                )
            })
        for r in try await CommitmentRecord.query(on: db).filter(\.$onDate <= date.iso).all() {
            guard lines[r.instrumentCode] != nil, instruments.first(where: { $0.code == r.instrumentCode })?.fromFund == false else {
                continue
            }
            if let a = r.amountCents { lines[r.instrumentCode]!.amount = lines[r.instrumentCode]!.amount + EuroCents(cents: a) }
            if let q = r.quantity { lines[r.instrumentCode]!.quantity +|= q }
        }
        for i in instruments where i.fromFund { lines[i.code]!.amount = i.kind == .region ? fund.region : fund.state }
        return FinancingFigures(lines: instruments.map { lines[$0.code]! })
    }
}
