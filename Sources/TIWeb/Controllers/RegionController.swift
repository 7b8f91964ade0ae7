import TIDomain
import TIPersistence
import Vapor

struct RegionController {
    /// `/regions`: every région with its counts and a map.
    func index(req: Request) async throws -> Response {
        let territories = try await req.territorySummaries()
        let regions = try await GeoQueries.regionSummaries(on: req.db, territories: territories)
        let map = try await req.maps.regions()
        return HTMLResponse.make(RegionIndexPage(regions: regions, map: map).render())
    }

    /// `/regions/{code}`: map of the région's EPCI, its départements and TI.
    func show(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        guard code.count <= 3, try await GeoQueries.region(code, on: req.db) != nil else {
            throw AppError.notFound(
                "La région « \(code) » n’existe pas. Les codes de région sont ceux de l’INSEE (84 pour Auvergne-Rhône-Alpes, par exemple).")
        }
        let asOf = try req.query.decode(IndicatorQuery.self).date(today: req.clock.today)
        let model = try await req.memoised("page:region:\(code):\(asOf.iso)") { try await Self.model(code, asOf: asOf, req) }
        return HTMLResponse.make(RegionShowPage(model: model).render())
    }

    /// Everything the région page shows; depends only on the data, so it is cached per data version.
    static func model(_ code: String, asOf: CivilDate, _ req: Request) async throws -> RegionShowPage.Model {
        let region = try await GeoQueries.region(code, on: req.db)!
        let territories = try await req.territorySummaries().filter { $0.regions.contains(code) && $0.isInProgramme(on: asOf) }
        let summary = try await GeoQueries.regionSummaries(on: req.db, territories: territories).first { $0.code == code }!
        let departements = try await GeoQueries.departements(inRegion: code, on: req.db).map(\.departement)
        let depStats = try await GeoQueries.departementSummaries(regionCode: code, on: req.db)
        let map = try await req.maps.regionEpcis(code)
        let dashboard = try await DashboardBuilder.html(
            req, query: IndicatorQuery(asOf: asOf.iso, region: code, territory: nil, breakdown: nil), compact: true)
        return RegionShowPage.Model(
            code: region.code, name: region.name, asOf: asOf, summary: summary,
            departements: departements.map { d in (d.code, d.name, depStats[d.code] ?? .init()) },
            territories: territories, map: map, dashboard: dashboard,
            actions: try await req.actionFigures(asOf: asOf, territories: territories.map(\.id.rawValue)))
    }
}
