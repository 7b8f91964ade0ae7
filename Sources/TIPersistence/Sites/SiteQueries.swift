import FluentKit
import Foundation
import SQLKit
import TIDomain

/// Reads of the turnkey sites, with their place (commune, département, région, TI) and position.
public enum SiteQueries {
    public struct Site: Sendable, Equatable {
        public var id: UUID
        public var content: SiteContent
        public var communeName: String
        public var departement: String
        public var region: String
        public var territory: String?
        public var territoryName: String?
        public var lon: Double?
        public var lat: Double?
        public var laureateID: UUID?

        public init(
            id: UUID, content: SiteContent, communeName: String, departement: String, region: String, territory: String? = nil,
            territoryName: String? = nil, lon: Double? = nil, lat: Double? = nil, laureateID: UUID? = nil
        ) {
            self.id = id
            self.content = content
            self.communeName = communeName
            self.departement = departement
            self.region = region
            self.territory = territory
            self.territoryName = territoryName
            self.lon = lon
            self.lat = lat
            self.laureateID = laureateID
        }
    }

    /// What the catalogue filters on (nil: all).
    public struct Filter: Sendable, Equatable {
        public var asOf: CivilDate
        public var region: String?
        public var wave: SiteWave?
        public var fullyCleared = false

        public init(asOf: CivilDate, region: String? = nil, wave: SiteWave? = nil, fullyCleared: Bool = false) {
            self.asOf = asOf
            self.region = region
            self.wave = wave
            self.fullyCleared = fullyCleared
        }

        func keeps(_ s: Site) -> Bool {
            s.content.wave.date <= asOf && (region.map { $0 == s.region } ?? true) && (wave.map { $0 == s.content.wave } ?? true)
                && (!fullyCleared || s.content.fullyCleared)
        }
    }

    /// The sites qualified by `filter.asOf` that match it, by région then name.
    public static func list(_ filter: Filter, on db: any Database) async throws -> [Site] {
        try await all(on: db).filter(filter.keeps)
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> Site? {
        try await all(on: db).first { $0.id == id }
    }

    static func all(on db: any Database) async throws -> [Site] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT s.id AS id, c.name AS commune_name, c.departement_code AS dep, d.region_code AS region,
                   c.centroid_lon AS lon, c.centroid_lat AS lat, te.territory_id AS ti, t.name AS ti_name
            FROM sites s JOIN communes c ON c.code = s.commune_code JOIN departements d ON d.code = c.departement_code
            LEFT JOIN territory_epcis te ON te.epci_siren = c.epci_siren LEFT JOIN territories t ON t.id = te.territory_id
            """
        ).all()
        let records = Dictionary(uniqueKeysWithValues: try await SiteRecord.query(on: db).all().compactMap { r in r.id.map { ($0, r) } })
        return try rows.compactMap { row -> Site? in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let record = records[id], let content = record.content else { return nil }
            return Site(
                id: id, content: content, communeName: try row.decode(column: "commune_name", as: String.self),
                departement: try row.decode(column: "dep", as: String.self), region: try row.decode(column: "region", as: String.self),
                territory: try row.decode(column: "ti", as: String?.self),
                territoryName: try row.decode(column: "ti_name", as: String?.self),
                lon: try row.decode(column: "lon", as: Double?.self), lat: try row.decode(column: "lat", as: Double?.self),
                laureateID: record.laureateID)
        }.sorted { ($0.region, $0.content.name) < ($1.region, $1.content.name) }
    }
}
