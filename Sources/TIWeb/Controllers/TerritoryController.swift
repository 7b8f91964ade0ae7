import TIDomain
import TIPersistence
import Vapor

struct TerritoryController {
    struct IndexQuery: Content {
        var region: String?
        var q: String?
        var statut: String?
    }

    /// `/territoires`: the TI by région, filterable by région, name and status.
    func index(req: Request) async throws -> Response {
        let query = try req.query.decode(IndexQuery.self)
        let epcis = try await req.epciStats()
        let all = try await req.territorySummaries()
        let regions = try await GeoQueries.regionsByName(on: req.db)
        let regionCode = query.region.flatMap { code in regions.contains { $0.code == code } ? code : nil }
        if let code = query.region, !code.isEmpty, regionCode == nil {
            throw AppError.badRequest("region_inconnue", "La région « \(code) » n’existe pas.")
        }
        let needle = query.q.map(SearchText.normalise)?.trimmingCharacters(in: .whitespaces) ?? ""
        let status = TerritoryIndexPage.Status(rawValue: query.statut ?? "") ?? .all
        let filtered = all.filter { t in
            (regionCode == nil || t.regions.contains(regionCode!))
                && (needle.isEmpty || SearchText.normalise(t.name).contains(needle))
                && (status == .all || (status == .active) == t.active)
        }
        let model = TerritoryIndexPage.Model(
            regions: regions.map { ($0.code, $0.name) }, selectedRegion: regionCode, query: query.q ?? "", status: status,
            territories: filtered, totalCount: all.count, hasGeography: !epcis.isEmpty)
        return HTMLResponse.make(TerritoryIndexPage(model: model).render())
    }

    /// `/territoires/{id}`: perimeter map, member EPCI and communes, governance.
    func show(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let asOf = try req.query.decode(IndicatorQuery.self).date(today: req.clock.today)
        guard let profile = try await GeoQueries.territoryProfile(id, on: req.db) else {
            throw AppError.notFound("Le territoire d’industrie « \(id) » n’existe pas.")
        }
        let epcis = try await req.epciStats()
        guard let summary = try await req.territorySummaries().first(where: { $0.id.rawValue == id }) else {
            throw AppError.notFound("Le territoire d’industrie « \(id) » n’existe pas.")
        }
        let members = summary.epcis.compactMap { epcis[$0] }
        let communes = try await GeoQueries.communes(inEpcis: summary.epcis, on: req.db)
        let regions = try await GeoQueries.regions(summary.regions, on: req.db)
        let departements = try await GeoQueries.departements(summary.departements, on: req.db).map(\.departement)
        var maps: [(region: GeoQueries.Named, svg: String)] = []
        for region in regions {
            if let svg = try await req.maps.regionEpcis(region.code, highlight: id) { maps.append((region, svg)) }
        }
        let dashboard = try await DashboardBuilder.html(
            req, query: IndicatorQuery(asOf: asOf.iso, region: nil, territory: id, breakdown: nil), compact: true)
        let model = TerritoryShowPage.Model(
            dashboard: dashboard, actions: try await req.actionFigures(asOf: asOf, territories: [summary.id.rawValue]), asOf: asOf,
            territory: profile, summary: summary, members: members, communes: communes,
            regions: regions.map { ($0.code, $0.name) }, departements: departements.map { ($0.code, $0.name) },
            maps: maps.map { ($0.region.code, $0.region.name, $0.svg) },
            ownFiles: req.principal?.role == .territory && req.principal?.scope.territory?.rawValue == id)
        return HTMLResponse.make(TerritoryShowPage(model: model).render())
    }
}
