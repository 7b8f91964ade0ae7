import FluentSQL
import TIDomain

/// Read models for pages and API: plain data assembled from a few aggregate queries.
public enum GeoQueries {
    public struct EpciStats: Sendable {
        public var siren: String
        public var name: String
        public var kind: EpciKind
        public var communes: Int
        public var population: Int
        public var departements: [String]
        public var regions: [String]
        public var territory: String?
    }

    public struct TerritorySummary: Sendable {
        public var id: TerritoryID
        public var name: String
        public var active: Bool
        public var fundedProjectLead: Bool
        public var hasProjectLead: Bool
        public var labelDate: String?
        public var endDate: String?
        public var epcis: [String]
        public var communes: Int
        public var population: Int
        public var departements: [String]
        public var regions: [String]

        /// In the programme at the end of `date` (the engine's rule on labelling and end dates).
        public func isInProgramme(on date: CivilDate) -> Bool {
            TerritoryRecord(
                id: id.rawValue, name: name, regions: regions, labelDate: labelDate.flatMap { try? CivilDate(parsing: $0) },
                endDate: endDate.flatMap { try? CivilDate(parsing: $0) }, active: active
            ).isInProgramme(on: date)
        }
    }

    public struct RegionSummary: Sendable {
        public var code: String
        public var name: String
        public var overseas: Bool
        public var departements: Int
        public var epcis: Int
        public var communes: Int
        public var population: Int
        public var territories: Int
    }

    /// Every EPCI with its size, the départements and régions it spans, and its TI.
    public static func epciStats(on database: any Database) async throws -> [String: EpciStats] {
        let sql = database as! any SQLDatabase
        var stats: [String: EpciStats] = [:]
        for epci in try await Epci.query(on: database).all() {
            stats[epci.siren] = EpciStats(
                siren: epci.siren, name: epci.name, kind: epci.kind, communes: 0, population: 0,
                departements: [], regions: [], territory: nil)
        }
        let rows = try await sql.raw(
            """
            SELECT c.epci_siren AS epci, c.departement_code AS dep, d.region_code AS reg,
                   COUNT(*) AS n, CAST(COALESCE(SUM(c.population), 0) AS BIGINT) AS pop
            FROM communes c JOIN departements d ON d.code = c.departement_code
            WHERE c.epci_siren IS NOT NULL
            GROUP BY c.epci_siren, c.departement_code, d.region_code
            ORDER BY c.epci_siren, c.departement_code
            """
        ).all()
        for row in rows {
            let siren = try row.decode(column: "epci", as: String.self)
            guard var s = stats[siren] else { continue }
            s.communes += try row.decode(column: "n", as: Int.self)
            s.population += try row.decode(column: "pop", as: Int.self)
            s.departements.append(try row.decode(column: "dep", as: String.self))
            let region = try row.decode(column: "reg", as: String.self)
            if !s.regions.contains(region) { s.regions.append(region) }
            stats[siren] = s
        }
        for member in try await TerritoryEpci.query(on: database).all() {
            stats[member.$epci.id]?.territory = member.$territory.id
        }
        return stats
    }

    public static func territorySummaries(on database: any Database, epcis: [String: EpciStats]? = nil) async throws -> [TerritorySummary] {
        var stats = epcis ?? [:]
        if epcis == nil { stats = try await epciStats(on: database) }
        let epcis = stats
        let members = Dictionary(grouping: epcis.values.filter { $0.territory != nil }, by: { $0.territory! })
        // Identifiers are validated on import; a row that is not one is left out rather than shown broken.
        return try await Territory.query(on: database).sort(\.$name).all().compactMap { t in
            guard let id = t.id.flatMap(TerritoryID.init) else { return nil }
            let parts = (members[t.id!] ?? []).sorted { $0.name < $1.name }
            var departements: [String] = []
            var regions: [String] = []
            for p in parts {
                for d in p.departements where !departements.contains(d) { departements.append(d) }
                for r in p.regions where !regions.contains(r) { regions.append(r) }
            }
            return TerritorySummary(
                id: id, name: t.name, active: t.active, fundedProjectLead: t.projectLeadFundedByState,
                hasProjectLead: t.projectLeadName != nil, labelDate: t.labelDate, endDate: t.endDate,
                epcis: parts.map(\.siren), communes: parts.reduce(0) { $0 + $1.communes },
                population: parts.reduce(0) { $0 + $1.population },
                departements: departements.sorted(), regions: regions.sorted())
        }
    }

    public static func regionSummaries(on database: any Database, territories: [TerritorySummary]) async throws -> [RegionSummary] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT r.code AS code, r.name AS name, r.overseas AS overseas,
                   COUNT(DISTINCT d.code) AS deps, COUNT(DISTINCT c.epci_siren) AS epcis,
                   COUNT(c.code) AS communes, CAST(COALESCE(SUM(c.population), 0) AS BIGINT) AS pop
            FROM regions r
            LEFT JOIN departements d ON d.region_code = r.code
            LEFT JOIN communes c ON c.departement_code = d.code
            GROUP BY r.code, r.name, r.overseas
            ORDER BY r.name
            """
        ).all()
        return try rows.map { row -> RegionSummary in
            let code = try row.decode(column: "code", as: String.self)
            return RegionSummary(
                code: code, name: try row.decode(column: "name", as: String.self),
                overseas: try row.decode(column: "overseas", as: Bool.self),
                departements: try row.decode(column: "deps", as: Int.self),
                epcis: try row.decode(column: "epcis", as: Int.self),
                communes: try row.decode(column: "communes", as: Int.self),
                population: try row.decode(column: "pop", as: Int.self),
                territories: territories.filter { $0.regions.contains(code) }.count)
        }.sortedByName(\.name)
    }

    /// A code and its name: a région, a département.
    public struct Named: Sendable, Equatable {
        public var code: String
        public var name: String
    }

    public static func region(_ code: String, on database: any Database) async throws -> Named? {
        try await Region.find(code, on: database).map { Named(code: $0.code, name: $0.name) }
    }

    /// A département and its région.
    public static func departement(_ code: String, on database: any Database) async throws -> (departement: Named, region: Named)? {
        guard let d = try await Departement.query(on: database).filter(\.$id == code).with(\.$region).first() else { return nil }
        return (Named(code: d.code, name: d.name), Named(code: d.region.code, name: d.region.name))
    }

    /// Départements by code: all, or those of `codes`, or those of a région.
    public static func departements(
        _ codes: [String]? = nil, inRegion region: String? = nil, on database: any Database
    ) async throws -> [(departement: Named, regionCode: String)] {
        var query = Departement.query(on: database)
        if let codes { query = query.filter(\.$id ~~ codes) }
        if let region { query = query.filter(\.$region.$id == region) }
        return try await query.sort(\.$id).all().map { (Named(code: $0.code, name: $0.name), $0.$region.id) }
    }

    /// The régions of `codes`, by name.
    public static func regions(_ codes: [String], on database: any Database) async throws -> [Named] {
        try await Region.query(on: database).filter(\.$id ~~ codes).all().map { Named(code: $0.code, name: $0.name) }.sortedByName(\.name)
    }

    /// A Territoire d'industrie's profile (governance, label date), if it exists.
    public static func territoryProfile(_ id: String, on database: any Database) async throws -> TerritoryProfile? {
        guard TerritoryID(id) != nil else { return nil }
        return try await Territory.find(id, on: database)?.profile
    }

    /// Territoire d'industrie id → name.
    public static func territoryNames(on database: any Database) async throws -> [String: String] {
        Dictionary(try await Territory.query(on: database).all().compactMap { t in t.id.map { ($0, t.name) } }) { first, _ in first }
    }

    /// Every région, by name.
    public static func regionsByName(on database: any Database) async throws -> [Region] {
        try await Region.query(on: database).all().sortedByName(\.name)
    }

    /// Communes of a set of EPCI, by name.
    /// A commune as lists show it.
    public struct CommuneRow: Sendable, Equatable {
        public var code: String
        public var name: String
        public var population: Int?

        public init(code: String, name: String, population: Int?) {
            (self.code, self.name, self.population) = (code, name, population)
        }
    }

    /// The communes of these EPCI, by name.
    public static func communes(inEpcis sirens: [String], on database: any Database) async throws -> [CommuneRow] {
        guard !sirens.isEmpty else { return [] }
        return try await Commune.query(on: database).filter(\.$epci.$id ~~ sirens).sort(\.$name).all()
            .map { CommuneRow(code: $0.code, name: $0.name, population: $0.population) }
    }

    public struct Counts: Sendable, Codable {
        public var regions: Int
        public var departements: Int
        public var epcis: Int
        public var communes: Int
        public var territories: Int
    }

    public static func counts(on database: any Database) async throws -> Counts {
        Counts(
            regions: try await Region.query(on: database).count(),
            departements: try await Departement.query(on: database).count(),
            epcis: try await Epci.query(on: database).count(),
            communes: try await Commune.query(on: database).count(),
            territories: try await Territory.query(on: database).count())
    }

    public static func lastImport(on database: any Database) async throws -> GeoImport? {
        try await GeoImport.query(on: database).sort(FieldKey("imported_at"), .descending).first()
    }
}

extension GeoQueries {
    public struct DepartementStats: Sendable {
        public var communes = 0
        public var population = 0
        public init() {}
    }

    public static func departementSummaries(regionCode: String, on database: any Database) async throws -> [String: DepartementStats] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT c.departement_code AS dep, COUNT(*) AS n, CAST(COALESCE(SUM(c.population), 0) AS BIGINT) AS pop
            FROM communes c JOIN departements d ON d.code = c.departement_code
            WHERE d.region_code = \(bind: regionCode)
            GROUP BY c.departement_code
            """
        ).all()
        var result: [String: DepartementStats] = [:]
        for row in rows {
            var s = DepartementStats()
            s.communes = try row.decode(column: "n", as: Int.self)
            s.population = try row.decode(column: "pop", as: Int.self)
            result[try row.decode(column: "dep", as: String.self)] = s
        }
        return result
    }
}
