import Fluent
import TIDomain
import TIPersistence
import Vapor

/// Home, national map, open data and the sections that open with later work.
struct SiteController {
    func home(req: Request) async throws -> Response {
        let counts = try await GeoQueries.counts(on: req.db)
        let map = try await req.maps.territories()
        return HTMLResponse.make(HomePage(counts: counts, map: map).render())
    }

    func data(req: Request) async throws -> Response {
        HTMLResponse.make(DataPage().render())
    }

    func indicators(req: Request) async throws -> Response {
        let query = try req.query.decode(IndicatorQuery.self)
        let dataset = try await req.indicatorDataset()
        let scope = try query.scope(in: dataset)
        let label = (try? IndicatorEngine.scopeLabel(scope, in: dataset)) ?? "France entière"
        let dashboard = try await DashboardBuilder.build(req, query: query)
        let regions = dataset.regionNames.filter { !RegionGroup.isOverseas(regionCode: $0.key) }
            .sorted { SearchText.normalise($0.value) < SearchText.normalise($1.value) }.map { ($0.key, $0.value) }
        let territories = dataset.territoryNames.sorted { SearchText.normalise($0.value) < SearchText.normalise($1.value) }.map { ($0.key, $0.value) }
        return HTMLResponse.make(IndicatorsPage(dashboard: dashboard, scopeLabel: label, regions: regions, territories: territories, query: query).render())
    }
}
