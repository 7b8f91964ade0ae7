import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// What the open-data exports read: decided aids (SCDL « subventions ») in batches, calls
/// (« dispositif d'aide »).
public enum OpenDataQueries {
    /// States whose aid is decided: a laureate and everything after it.
    static let decidedStates: [ApplicationState] = [.laureate, .agreementSigned, .paymentsInProgress, .closed]

    public struct AidFilter: Sendable, Equatable {
        public var region: String?
        public var funder: DecisionParty?

        public init(region: String? = nil, funder: DecisionParty? = nil) {
            self.region = region
            self.funder = funder
        }
    }

    /// Calls `body` with the decided aids of companies, `batchSize` applications at a time (one
    /// aid per funder with a non-zero amount), so that an export's memory does not grow with it.
    public static func forEachAwardedAid(
        _ filter: AidFilter, batchSize: Int = 500, on db: any Database, _ body: ([AwardedAid]) async throws -> Void
    ) async throws {
        let calls = Dictionary(uniqueKeysWithValues: try await FundCall.query(on: db).all().compactMap { c in c.id.map { ($0, c.title) } })
        var after: UUID?
        while true {
            var query = FundApplication.query(on: db)
                .filter(\.$state ~~ decidedStates)
                .filter(\.$carrierKind == CarrierKind.company.rawValue)
                .sort(\.$id).limit(batchSize)
            if let after { query = query.filter(\.$id > after) }
            if let region = filter.region { query = query.filter(\.$regionCode == region) }
            let applications = try await query.all()
            guard let last = applications.last?.id else { return }
            after = last
            let ids = applications.compactMap(\.id)
            var schedule: [UUID: [CivilDate]] = [:]
            for payment in try await Payment.query(on: db).filter(\.$application.$id ~~ ids).all() {
                guard let day = (payment.dueOn ?? payment.paidOn).flatMap({ try? CivilDate(parsing: $0) }) else { continue }
                schedule[payment.$application.id, default: []].append(day)
            }
            var aids: [AwardedAid] = []
            for a in applications {
                guard let id = a.id, let decided = a.decidedOn.flatMap({ try? CivilDate(parsing: $0) }), let region = a.regionCode
                else { continue }
                for funder in DecisionParty.allCases where filter.funder == nil || filter.funder == funder {
                    let cents = funder == .state ? a.aidStateCents : a.aidRegionCents
                    guard cents > 0 else { continue }
                    aids.append(
                        AwardedAid(
                            applicationReference: a.reference ?? id.uuidString, agreementReference: a.agreementReference,
                            callID: a.$call.id, callTitle: calls[a.$call.id] ?? "", region: region, funder: funder,
                            amount: EuroCents(cents: cents), decidedOn: decided,
                            agreementOn: a.agreementOn.flatMap { try? CivilDate(parsing: $0) }, beneficiary: a.carrierName ?? "",
                            publicSummary: a.publicationConsent == true ? a.publicSummary : nil, paymentDates: schedule[id] ?? [],
                            projectEnd: a.endOn.flatMap { try? CivilDate(parsing: $0) }, regimeID: a.regimeID))
                }
            }
            try await body(aids)
        }
    }

    /// Every call as a « dispositif d'aide », latest opening first; `url` makes each call's public address.
    public static func dispositifs(url: (UUID) -> String, on db: any Database) async throws -> [DispositifAide.Call] {
        try await FundCall.query(on: db).with(\.$regime).sort(\.$opensOn, .descending).all().compactMap { c in
            guard let id = c.id else { return nil }
            return DispositifAide.Call(
                id: id, title: c.title, description: c.description, rules: c.rules, regimeLabel: c.regime.label,
                ceiling: EuroCents(cents: c.regime.ceilingCents), url: url(id),
                updated: c.updatedAt ?? c.createdAt ?? Date(timeIntervalSince1970: 0))
        }
    }
}

extension OpenDataQueries {
    /// The latest change of the fund's applications, calls and territories (`nil`: none yet).
    /// A commune under at least one zoning, at its centre (WGS 84), for the zonings' GeoJSON.
    public struct ZonedCommune: Sendable, Equatable {
        public var code: String
        public var name: String
        public var lon: Double
        public var lat: Double
        public var kinds: [ZoningKind]
        /// Whether one of its zonings comes from the demonstration lists, not an official one.
        public var demo: Bool
    }

    /// Every commune under a zoning, by code; communes without a centre are left out.
    public static func zonedCommunes(on db: any Database) async throws -> [ZonedCommune] {
        let zonings = try await CommuneZoning.query(on: db).all()
        var byCommune: [String: (kinds: Set<ZoningKind>, demo: Bool)] = [:]
        for z in zonings {
            var entry = byCommune[z.$commune.id] ?? ([], false)
            entry.kinds.insert(z.kind)
            entry.demo = entry.demo || z.source == .demo
            byCommune[z.$commune.id] = entry
        }
        var communes: [ZonedCommune] = []
        let codes = byCommune.keys.sorted()
        for start in stride(from: 0, to: codes.count, by: 500) {
            let chunk = Array(codes[start..<min(start + 500, codes.count)])
            for c in try await Commune.query(on: db).filter(\.$id ~~ chunk).all() {
                guard let code = c.id, let lon = c.centroidLon, let lat = c.centroidLat, let entry = byCommune[code] else { continue }
                communes.append(ZonedCommune(code: code, name: c.name, lon: lon, lat: lat, kinds: entry.kinds.sorted(), demo: entry.demo))
            }
        }
        return communes.sorted { $0.code < $1.code }
    }

    /// How many communes are under at least one zoning.
    public static func zonedCommuneCount(on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).raw("SELECT COUNT(DISTINCT commune_code) AS n FROM commune_zonings").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func lastChanges(on db: any Database) async throws -> (applications: Date?, calls: Date?, territories: Date?) {
        (
            try await FundApplication.query(on: db).filter(\.$updatedAt != nil).sort(\.$updatedAt, .descending).first()?.updatedAt,
            try await FundCall.query(on: db).filter(\.$updatedAt != nil).sort(\.$updatedAt, .descending).first()?.updatedAt,
            try await Territory.query(on: db).filter(\.$updatedAt != nil).sort(\.$updatedAt, .descending).first()?.updatedAt
        )
    }
}
