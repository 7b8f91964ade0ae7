import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// The map's reads. Who is a laureate at a date is the engine's rule (`ApplicationRecord.isLaureate(on:)`
/// on the history), decided by the caller: these queries only place the chosen applications.
public enum MapQueries {
    /// The applications of `ids` that have a site with a known centroid, placed on the map.
    public static func points(_ ids: Set<UUID>, on db: any Database) async throws -> [LaureatePoint] {
        guard !ids.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT a.id AS id, a.carrier_name AS name, a.commune_code AS commune, c.name AS commune_name, a.departement_code AS dep,
                   a.territory_id AS ti, c.centroid_lon AS lon, c.centroid_lat AS lat, a.investment_total_cents AS inv,
                   a.aid_state_cents + a.aid_region_cents AS aid, a.jobs_created AS jobs, a.decided_on AS decided
            FROM applications a JOIN communes c ON c.code = a.commune_code
            WHERE a.decided_on IS NOT NULL
            """
        ).all()
        return try rows.compactMap { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard ids.contains(id), let lon = try row.decode(column: "lon", as: Double?.self),
                let lat = try row.decode(column: "lat", as: Double?.self)
            else { return nil }
            return LaureatePoint(
                id: id, name: try row.decode(column: "name", as: String?.self) ?? "—",
                commune: try row.decode(column: "commune", as: String.self),
                communeName: try row.decode(column: "commune_name", as: String.self),
                departement: try row.decode(column: "dep", as: String?.self) ?? "",
                territory: try row.decode(column: "ti", as: String?.self),
                lon: lon, lat: lat, investment: EuroCents(cents: try row.decode(column: "inv", as: Int64.self)),
                aid: EuroCents(cents: try row.decode(column: "aid", as: Int64.self)),
                jobs: try row.decode(column: "jobs", as: Int?.self) ?? 0,
                decided: (try row.decode(column: "decided", as: String?.self)).flatMap { try? CivilDate(parsing: $0) })
        }
    }

    /// A laureate (today) and its call, for its public page; nil for any other application.
    public static func laureate(_ id: UUID, on db: any Database) async throws -> (application: ApplicationDetail, callTitle: String)? {
        guard let a = try await FundApplication.query(on: db).filter(\.$id == id).with(\.$call).first(), a.state.isLaureate else {
            return nil
        }
        return (ApplicationDetail(a), a.call.title)
    }

    /// Départements → their région.
    public static func regionOfDepartement(on db: any Database) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await Departement.query(on: db).all().map { ($0.code, $0.$region.id) })
    }

    /// Every région (or département) with its population.
    public static func areas(byRegion: Bool, on db: any Database) async throws -> [MapArea] {
        let regionOf = try await regionOfDepartement(on: db)
        var population: [String: Int] = [:]
        for row in try await (db as! any SQLDatabase).raw(
            "SELECT departement_code AS d, CAST(COALESCE(SUM(population), 0) AS BIGINT) AS p FROM communes GROUP BY departement_code"
        ).all() {
            let d = try row.decode(column: "d", as: String.self)
            population[byRegion ? (regionOf[d] ?? d) : d, default: 0] += try row.decode(column: "p", as: Int.self)
        }
        let names =
            byRegion
            ? try await Region.query(on: db).all().map { ($0.code, $0.name) }
            : try await Departement.query(on: db).all().map { ($0.code, $0.name) }
        return names.map { MapArea(code: $0.0, name: $0.1, population: population[$0.0] ?? 0) }
    }
}
