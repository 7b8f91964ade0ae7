import FluentSQL
import TIDomain

/// The imported geography, in memory, for the generator.
struct DemoGeography {
    struct Place {
        var code: String
        var name: String
        var departement: String
        var region: String
        var epci: String?
        var population: Int
    }

    var communes: [String: Place] = [:]
    var epciCommunes: [String: [String]] = [:]
    var epciRegions: [String: Set<String>] = [:]
    var epciNames: [String: String] = [:]
    var epciKinds: [String: String] = [:]
    var epciPopulation: [String: Int] = [:]
    var epciDepartement: [String: String] = [:]
    var regionNames: [String: String] = [:]
    /// Communes by région, sorted by code.
    var communesByRegion: [String: [Place]] = [:]

    static func load(on db: any Database) async throws -> DemoGeography {
        let sql = db as! any SQLDatabase
        var g = DemoGeography()
        for row in try await sql.raw("SELECT code, name FROM regions").all() {
            g.regionNames[try row.decode(column: "code", as: String.self)] = try row.decode(column: "name", as: String.self)
        }
        for row in try await sql.raw("SELECT siren, name, kind FROM epcis").all() {
            let siren = try row.decode(column: "siren", as: String.self)
            g.epciNames[siren] = try row.decode(column: "name", as: String.self)
            g.epciKinds[siren] = try row.decode(column: "kind", as: String.self)
        }
        let rows = try await sql.raw(
            """
            SELECT c.code AS code, c.name AS name, c.departement_code AS dep, d.region_code AS reg, c.epci_siren AS epci, c.population AS pop
            FROM communes c JOIN departements d ON d.code = c.departement_code ORDER BY c.code
            """
        ).all()
        for row in rows {
            let place = Place(
                code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                departement: try row.decode(column: "dep", as: String.self), region: try row.decode(column: "reg", as: String.self),
                epci: try row.decode(column: "epci", as: String?.self), population: try row.decode(column: "pop", as: Int?.self) ?? 0)
            g.communes[place.code] = place
            if let epci = place.epci {
                g.epciCommunes[epci, default: []].append(place.code)
                g.epciRegions[epci, default: []].insert(place.region)
                g.epciPopulation[epci, default: 0] += place.population
                if g.epciDepartement[epci] == nil { g.epciDepartement[epci] = place.departement }
            }
        }
        for place in g.communes.values { g.communesByRegion[place.region, default: []].append(place) }
        for key in g.communesByRegion.keys { g.communesByRegion[key]!.sort { $0.code < $1.code } }
        return g
    }

    /// The region group used by the published table: overseas régions are "OM".
    static func group(_ region: String) -> String { RegionGroup.isOverseas(regionCode: region) ? "OM" : region }

    /// EPCI of the kind Territoires d'industrie are made of: in one région, outside the
    /// métropoles and the big cities (at most 250 000 inhabitants), largest first, then by SIREN.
    func industrialEpcis(in region: String) -> [String] {
        singleRegionEpcis(in: region).filter { e in
            epciKinds[e] != EpciKind.metropole.rawValue && !(epciNames[e] ?? "").contains("Métropole")
                && (epciPopulation[e] ?? 0) <= 250_000
        }.sorted { (epciPopulation[$0] ?? 0, $1) > (epciPopulation[$1] ?? 0, $0) }
    }

    /// EPCI lying entirely in one région, sorted by SIREN (deterministic).
    func singleRegionEpcis(in region: String) -> [String] {
        epciRegions.filter { $0.value == [region] }.map(\.key).sorted()
    }
}
