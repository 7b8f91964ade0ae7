import FluentSQL
import Foundation
import TIDomain

/// Builds the indicator engine's dataset from the records, in a handful of queries.
public enum IndicatorDatasetLoader {
    /// The data version: bumped in the same transaction as every write that can change a figure
    /// (`WriteTransaction`, the importers, the demo), so every server process on the database sees a
    /// change at its next check.
    public static func version(on db: any Database) async throws -> Int64 {
        let row = try await (db as! any SQLDatabase).raw("SELECT MAX(version) AS v FROM data_version").first()
        return try row?.decode(column: "v", as: Int64?.self) ?? 0
    }

    /// What changed between two data versions: the applications the writes declared, or
    /// `everything` when one of them did not say (an import, an envelope, a call, a territory).
    public struct Changes: Sendable {
        public var applications: Set<UUID> = []
        public var everything = false
    }

    /// The application a write that changed no figure names in `data_changes` (no application has it).
    public static let noApplication = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    public static func changes(after old: Int64, upTo new: Int64, on db: any Database) async throws -> Changes {
        var changes = Changes()
        var versions = Set<Int64>()
        for row in try await (db as! any SQLDatabase).raw(
            "SELECT version, application_id FROM data_changes WHERE version > \(bind: old) AND version <= \(bind: new)"
        ).all() {
            versions.insert(try row.decode(column: "version", as: Int64.self))
            if let id = try row.decode(column: "application_id", as: UUID?.self) {
                if id != noApplication { changes.applications.insert(id) }
            } else {
                changes.everything = true
            }
        }
        if versions.count != Int(new - old) { changes.everything = true }
        return changes
    }

    public static func load(on db: any Database) async throws -> IndicatorDataset {
        let sql = db as! any SQLDatabase
        var dataset = IndicatorDataset()

        for row in try await sql.raw("SELECT code, name FROM regions").all() {
            dataset.regionNames[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        for row in try await sql.raw("SELECT code, name FROM departements").all() {
            dataset.departementNames[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        for row in try await sql.raw("SELECT id, title FROM calls").all() {
            dataset.callNames[try row.decode(column: "id", as: UUID.self).uuidString] = try row.decode(column: "title", as: String.self)
        }
        dataset.applications = try await applications(nil, on: db)

        let summaries = try await GeoQueries.territorySummaries(on: db)
        let leads = Dictionary(uniqueKeysWithValues: try await Territory.query(on: db).all().map { ($0.id!, $0) })
        for s in summaries {
            let t = leads[s.id.rawValue]
            dataset.territoryNames[s.id.rawValue] = s.name
            dataset.territories.append(
                TerritoryRecord(
                    id: s.id.rawValue, name: s.name, regions: s.regions, labelDate: s.labelDate.flatMap { try? CivilDate(parsing: $0) },
                    endDate: s.endDate.flatMap { try? CivilDate(parsing: $0) }, active: s.active, projectLead: t?.projectLeadName,
                    projectLeadFundedByState: t?.projectLeadFundedByState ?? false))
        }
        // Envelopes as allotted over time: the opening allotment and each increase, dated. An envelope
        // without movements (older data) counts its whole amount at every date.
        var allotted: [UUID: Int64] = [:]
        for row in try await sql.raw(
            """
            SELECT e.id, e.call_id, e.region_code, e.funder, m.amount_cents, m.at_epoch FROM envelope_movements m
            JOIN envelopes e ON e.id = m.envelope_id WHERE m.kind IN ('initial', 'increase')
            """
        ).all() {
            let amount = try row.decode(column: "amount_cents", as: Int64.self)
            allotted[try row.decode(column: "id", as: UUID.self), default: 0] += amount
            dataset.envelopes.append(
                EnvelopeRecord(
                    callID: try row.decode(column: "call_id", as: UUID.self).uuidString,
                    region: try row.decode(column: "region_code", as: String.self),
                    funder: try row.decode(column: "funder", as: String.self),
                    amount: EuroCents(cents: amount), date: ParisDate.from(epoch: try row.decode(column: "at_epoch", as: Double.self))))
        }
        for row in try await sql.raw("SELECT id, call_id, region_code, funder, amount_cents FROM envelopes").all() {
            let rest = try row.decode(column: "amount_cents", as: Int64.self) - (allotted[try row.decode(column: "id", as: UUID.self)] ?? 0)
            guard rest != 0 else { continue }
            dataset.envelopes.append(
                EnvelopeRecord(
                    callID: try row.decode(column: "call_id", as: UUID.self).uuidString,
                    region: try row.decode(column: "region_code", as: String.self),
                    funder: try row.decode(column: "funder", as: String.self), amount: EuroCents(cents: rest)))
        }
        return dataset
    }

    /// The applications as the engine sees them: all of them, or only those of `ids` (an incremental
    /// refresh after writes that said which applications they changed).
    public static func applications(_ ids: [UUID]?, on db: any Database) async throws -> [ApplicationRecord] {
        let sql = db as! any SQLDatabase
        func only(_ column: String) -> SQLQueryString {
            guard let ids else { return "" }
            return "AND \(unsafeRaw: column) IN (\(binds: ids.isEmpty ? [UUID()] : ids))"
        }
        var collaborative: [String: Bool] = [:]
        var horizon: [String: Int] = [:]
        for row in try await sql.raw("SELECT id, collaborative, closes_on FROM calls").all() {
            let id = try row.decode(column: "id", as: UUID.self).uuidString
            collaborative[id] = try row.decode(column: "collaborative", as: Bool.self)
            horizon[id] = (try? CivilDate(parsing: try row.decode(column: "closes_on", as: String.self))).map(CallRules.jobsHorizonYear)
        }

        var history: [UUID: [(date: CivilDate, state: ApplicationState)]] = [:]
        for row in try await sql.raw(
            "SELECT application_id, at_epoch, to_state FROM application_events WHERE to_state IS NOT NULL \(only("application_id")) ORDER BY at_epoch"
        ).all() {
            guard let state = ApplicationState(rawValue: try row.decode(column: "to_state", as: String.self)) else { continue }
            history[try row.decode(column: "application_id", as: UUID.self), default: []]
                .append((ParisDate.from(epoch: try row.decode(column: "at_epoch", as: Double.self)), state))
        }
        var collaborativeChanges: [String: [(date: CivilDate, collaborative: Bool)]] = [:]
        for row in try await sql.raw("SELECT call_id, at_epoch, collaborative FROM call_history ORDER BY at_epoch").all() {
            collaborativeChanges[try row.decode(column: "call_id", as: UUID.self).uuidString, default: []]
                .append(
                    (
                        ParisDate.from(epoch: try row.decode(column: "at_epoch", as: Double.self)),
                        try row.decode(column: "collaborative", as: Bool.self)
                    ))
        }
        var followUps: [UUID: [FollowUpRecord]] = [:]
        for row in try await sql.raw(
            "SELECT application_id, on_date, recorded_on, jobs_created, investment_cents FROM follow_ups WHERE 1 = 1 \(only("application_id")) ORDER BY on_date"
        ).all() {
            guard let date = try? CivilDate(parsing: try row.decode(column: "on_date", as: String.self)) else { continue }
            followUps[try row.decode(column: "application_id", as: UUID.self), default: []]
                .append(
                    FollowUpRecord(
                        date: date, jobsCreated: try row.decode(column: "jobs_created", as: Int.self),
                        investment: EuroCents(cents: try row.decode(column: "investment_cents", as: Int64.self)),
                        recordedOn: (try row.decode(column: "recorded_on", as: String?.self)).flatMap { try? CivilDate(parsing: $0) }))
        }
        // The aid granted over time: commitments, releases (reopened decisions) and recoveries, each dated.
        var aidChanges: [UUID: [AidChange]] = [:]
        for row in try await sql.raw(
            """
            SELECT m.application_id, m.amount_cents, m.at_epoch, e.funder FROM envelope_movements m
            JOIN envelopes e ON e.id = m.envelope_id
            WHERE m.application_id IS NOT NULL AND m.kind IN ('commitment', 'release', 'recovery') \(only("m.application_id"))
            ORDER BY m.at_epoch
            """
        ).all() {
            let amount = EuroCents(cents: try row.decode(column: "amount_cents", as: Int64.self))
            let date = ParisDate.from(epoch: try row.decode(column: "at_epoch", as: Double.self))
            let state = try row.decode(column: "funder", as: String.self) == "state"
            aidChanges[try row.decode(column: "application_id", as: UUID.self), default: []]
                .append(AidChange(date: date, state: state ? amount : .zero, region: state ? .zero : amount))
        }

        let rows = try await sql.raw(
            """
            SELECT id, call_id, state, decided_on, submitted_on, region_code, departement_code, territory_id, fragile, size, sector,
                   stakes_known, stakes, skills_categories, ecological_categories, investment_total_cents, aid_state_cents,
                   aid_region_cents, jobs_created, relocated_jobs, training_places, jobs_by_horizon
            FROM applications WHERE 1 = 1 \(only("id"))
            """
        ).all()
        var records: [ApplicationRecord] = []
        records.reserveCapacity(rows.count)
        func set<T: RawRepresentable>(_ raw: String, _: T.Type) -> Set<T> where T.RawValue == String {
            Set(raw.split(separator: ",").compactMap { T(rawValue: String($0)) })
        }
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let callID = try row.decode(column: "call_id", as: UUID.self).uuidString
            let state = ApplicationState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft
            var events = history[id] ?? []
            let decidedColumn = (try row.decode(column: "decided_on", as: String?.self)).flatMap { try? CivilDate(parsing: $0) }
            // The first decision, from the history: a reopened decision clears the column, not the past.
            let decidedOn = events.first { $0.state.isLaureate || $0.state == .rejected }?.date ?? decidedColumn
            if events.isEmpty {
                // Records without history (bulk imports): their current state, from their own dates.
                let submitted = (try row.decode(column: "submitted_on", as: String?.self)).flatMap { try? CivilDate(parsing: $0) }
                events = [(decidedColumn ?? submitted ?? (try! CivilDate(year: 2000, month: 1, day: 1)), state)]
            } else if events.last?.state != state, let last = events.last {
                events.append((last.date, state))
            }
            records.append(
                ApplicationRecord(
                    id: id.uuidString, callID: callID, history: events,
                    decidedOn: decidedOn,
                    regionCode: try row.decode(column: "region_code", as: String?.self),
                    departementCode: try row.decode(column: "departement_code", as: String?.self),
                    territoryIDs: (try row.decode(column: "territory_id", as: String?.self)).map { [$0] } ?? [],
                    fragile: try row.decode(column: "fragile", as: Bool.self),
                    size: (try row.decode(column: "size", as: String?.self)).flatMap(CompanySize.init(rawValue:)),
                    sector: (try row.decode(column: "sector", as: String?.self)).flatMap(Sector.init(rawValue:)),
                    stakesKnown: try row.decode(column: "stakes_known", as: Bool.self),
                    stakes: set(try row.decode(column: "stakes", as: String.self), Stake.self),
                    skills: set(try row.decode(column: "skills_categories", as: String.self), SkillsCategory.self),
                    ecological: set(try row.decode(column: "ecological_categories", as: String.self), EcologicalCategory.self),
                    investment: EuroCents(cents: try row.decode(column: "investment_total_cents", as: Int64.self)),
                    aidState: EuroCents(cents: try row.decode(column: "aid_state_cents", as: Int64.self)),
                    aidRegion: EuroCents(cents: try row.decode(column: "aid_region_cents", as: Int64.self)),
                    aidChanges: aidChanges[id] ?? [],
                    jobsPlanned: try row.decode(column: "jobs_created", as: Int?.self) ?? 0,
                    jobsPlannedBy2023: horizon[callID] == 2023 ? try row.decode(column: "jobs_by_horizon", as: Int?.self) : nil,
                    relocatedJobs: try row.decode(column: "relocated_jobs", as: Int?.self),
                    trainingPlaces: try row.decode(column: "training_places", as: Int?.self),
                    collaborative: collaborative[callID] ?? false,
                    collaborativeChanges: collaborativeChanges[callID] ?? [],
                    followUps: followUps[id] ?? []))
        }

        return records
    }
}

/// Calendar dates in Paris from epoch seconds, without a Calendar per call (fast for large imports).
public enum ParisDate {
    public static func from(epoch: Double) -> CivilDate {
        // Central European time; events are recorded during the day, so the DST hour never crosses midnight here.
        let days = Int((epoch + 3600).rounded(.down) / 86400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return try! CivilDate(year: y, month: m, day: d)
    }
}
