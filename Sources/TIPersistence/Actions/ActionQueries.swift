import FluentKit
import Foundation
import TIDomain

/// Reads of the action plans, as plain values.
public enum ActionQueries {
    /// What the national list filters on (each nil: no filter).
    public struct Filter: Sendable, Equatable {
        /// The territories of the chosen région (nil: all).
        public var territories: [String]?
        public var axis: ActionAxis?
        public var theme: ActionTheme?
        public var carrier: ActionCarrierType?
        public var status: ActionStatus?
        /// Validated actions only (the public's view).
        public var validatedOnly = true

        public init(
            territories: [String]? = nil, axis: ActionAxis? = nil, theme: ActionTheme? = nil, carrier: ActionCarrierType? = nil,
            status: ActionStatus? = nil, validatedOnly: Bool = true
        ) {
            self.territories = territories
            self.axis = axis
            self.theme = theme
            self.carrier = carrier
            self.status = status
            self.validatedOnly = validatedOnly
        }
    }

    /// A territory's plan by reference; only its validated actions unless `all`.
    public static func plan(_ territory: TerritoryID, all: Bool, on db: any Database) async throws -> [ActionSummary] {
        var q = ActionRecord.query(on: db).filter(\.$territoryID == territory.rawValue)
        if !all { q = q.filter(\.$validation == .validated) }
        let name = try await Territory.find(territory.rawValue, on: db)?.name ?? territory.rawValue
        return try await q.all().map { summary($0, names: [territory.rawValue: name]) }
            .sorted { $0.content.reference.localizedStandardCompare($1.content.reference) == .orderedAscending }
    }

    /// The actions matching `filter`, by territory then reference: those of `range` and how many match in all.
    public static func list(_ filter: Filter, range: Range<Int>? = nil, on db: any Database) async throws -> (
        items: [ActionSummary], total: Int
    ) {
        func query() -> QueryBuilder<ActionRecord> {
            var q = ActionRecord.query(on: db)
            if filter.validatedOnly { q = q.filter(\.$validation == .validated) }
            if let t = filter.territories { q = q.filter(\.$territoryID ~~ t) }
            if let v = filter.axis { q = q.filter(\.$axis == v.rawValue) }
            if let v = filter.carrier { q = q.filter(\.$carrierType == v.rawValue) }
            if let v = filter.status { q = q.filter(\.$status == v.rawValue) }
            if let v = filter.theme { q = q.filter(\.$themes, .custom("LIKE"), "%\(v.rawValue)%") }
            return q.sort(\.$territoryID).sort(\.$reference)
        }
        let total = try await query().count()
        let rows = try await (range.map { query().range($0) } ?? query()).all()
        let ids = Array(Set(rows.map(\.territoryID)))
        let names = Dictionary(
            try await Territory.query(on: db).filter(\.$id ~~ ids).all().compactMap { t in t.id.map { ($0, t.name) } }
        ) { first, _ in first }
        return (rows.map { summary($0, names: names) }, total)
    }

    /// The contents of every action matching `filter`, for figures.
    public static func contents(_ filter: Filter, on db: any Database) async throws -> [ActionContent] {
        try await list(filter, on: db).items.map(\.content)
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> ActionSummary? {
        guard let a = try await ActionRecord.find(id, on: db) else { return nil }
        let name = try await Territory.find(a.territoryID, on: db)?.name ?? a.territoryID
        return summary(a, names: [a.territoryID: name])
    }

    /// The actions as they were at the end of `date`, from their history: each one's last recorded
    /// state by then (an action created later does not exist yet; a later edit does not show).
    /// `territories` nil: every plan; `validatedOnly`: those validated at that date (the public's view).
    public static func asOf(
        _ date: CivilDate, territories: [String]?, validatedOnly: Bool, on db: any Database
    ) async throws -> [ActionSummary] {
        var q = ActionRecord.query(on: db)
        if let territories { q = q.filter(\.$territoryID ~~ territories) }
        let records = Dictionary(uniqueKeysWithValues: try await q.all().compactMap { r in r.id.map { ($0, r) } })
        guard !records.isEmpty else { return [] }
        var last: [UUID: ActionHistoryEntry] = [:]
        for entry in try await ActionHistoryEntry.query(on: db).filter(\.$actionID ~~ Array(records.keys)).sort(\.$atEpoch).all()
        where ParisDate.from(epoch: entry.atEpoch) <= date {
            last[entry.actionID] = entry
        }
        var first: [UUID: CivilDate] = [:]
        let names = Dictionary(
            try await Territory.query(on: db).all().compactMap { t in t.id.map { ($0, t.name) } }
        ) { first, _ in first }
        var out: [ActionSummary] = []
        for (id, entry) in last {
            guard let record = records[id],
                let snapshot = try? JSONDecoder().decode(ActionSnapshot.self, from: Data(entry.snapshotJSON.utf8)),
                !validatedOnly || snapshot.validation == .validated
            else { continue }
            first[id] = first[id] ?? (try? CivilDate(parsing: record.createdOn))
            out.append(
                ActionSummary(
                    id: id, territoryID: TerritoryID(record.territoryID) ?? unknownTerritory,
                    territoryName: names[record.territoryID] ?? record.territoryID, content: snapshot.content,
                    validation: snapshot.validation,
                    validationReason: entry.reason, createdOn: first[id] ?? ActionRecord.epochDay, extras: snapshot.extras ?? .init()))
        }
        return out.sorted {
            ($0.territoryID.rawValue, $0.content.reference) < ($1.territoryID.rawValue, $1.content.reference)
        }
    }

    /// One dated change, as the action's history shows it.
    public struct Change: Sendable, Equatable {
        public var atEpoch: Double
        public var actorRole: String
        public var event: String
        public var reason: String?
    }

    public static func history(_ id: UUID, on db: any Database) async throws -> [Change] {
        try await ActionHistoryEntry.query(on: db).filter(\.$actionID == id).sort(\.$atEpoch).all().map {
            Change(atEpoch: $0.atEpoch, actorRole: $0.actorRole, event: $0.event.rawValue, reason: $0.reason)
        }
    }

    /// A fund laureate an action led to, as its page links it.
    public struct LinkedLaureate: Sendable, Equatable {
        public var id: UUID
        public var reference: String
        public var name: String

        public init(id: UUID, reference: String, name: String) {
            self.id = id
            self.reference = reference
            self.name = name
        }
    }

    /// The applications of these references that are laureates (only those have a public page), in the given order.
    public static func laureates(_ references: [String], on db: any Database) async throws -> [LinkedLaureate] {
        guard !references.isEmpty else { return [] }
        let found = try await FundApplication.query(on: db).filter(\.$reference ~~ references).all().filter(\.state.isLaureate)
        let byReference = Dictionary(found.compactMap { a in a.reference.map { ($0, a) } }) { first, _ in first }
        return references.compactMap { r in
            guard let a = byReference[r], let id = a.id else { return nil }
            return LinkedLaureate(id: id, reference: r, name: a.carrierName ?? a.title ?? r)
        }
    }

    static let unknownTerritory = TerritoryID("inconnu")!

    static func summary(_ a: ActionRecord, names: [String: String]) -> ActionSummary {
        ActionSummary(
            id: a.id ?? UUID(), territoryID: TerritoryID(a.territoryID) ?? unknownTerritory,
            territoryName: names[a.territoryID] ?? a.territoryID,
            content: a.content, validation: a.validation, validationReason: a.validationReason,
            createdOn: (try? CivilDate(parsing: a.createdOn)) ?? ActionRecord.epochDay, extras: a.extras)
    }
}
