import TIDomain
import TIPersistence
import Vapor

/// Home, indicators dashboard and the open-data page.
struct SiteController {
    func home(req: Request) async throws -> Response {
        let db = req.db
        let counts = try await req.memoised("geo:counts") { try await GeoQueries.counts(on: db) }
        let map = try await req.maps.territories()
        let dataset = try await req.indicatorDataset()
        let today = req.clock.today
        let figures = try await req.memoised("home:\(today.iso)") {
            IndicatorEngine.computeAll(in: dataset, scope: IndicatorScope(asOf: today))
        }
        return HTMLResponse.make(HomePage(counts: counts, map: map, figures: figures).render())
    }

    func indicators(req: Request) async throws -> Response {
        let query = try req.query.decode(IndicatorQuery.self)
        let dataset = try await req.indicatorDataset()
        let scope = try query.scope(in: dataset, today: req.clock.today)
        let label = (try? IndicatorEngine.scopeLabel(scope, in: dataset)) ?? "France entière"
        let dashboard = try await DashboardBuilder.html(req, query: query)
        struct Options: Sendable {
            var regions: [Pair]
            var territories: [Pair]
        }
        struct Pair: Sendable {
            var code: String
            var name: String
        }
        let options = try await req.memoised("options:indicators") {
            Options(
                regions: dataset.regionNames.filter { !RegionGroup.isOverseas(regionCode: $0.key) }
                    .sortedByName(\.value).map { Pair(code: $0.key, name: $0.value) },
                territories: dataset.territoryNames.sortedByName(\.value).map {
                    Pair(code: $0.key, name: $0.value)
                })
        }
        let regions = options.regions.map { ($0.code, $0.name) }
        let territories = options.territories.map { ($0.code, $0.name) }
        // The action plans of the scope, at the date (today's from the records, a past date's from their history).
        let territoriesInScope = Request.territories(in: scope, of: dataset)
        return HTMLResponse.make(
            IndicatorsPage(
                dashboard: dashboard, scopeLabel: label, asOf: scope.asOf, regions: regions, territories: territories, query: query,
                actions: try await req.actionFigures(asOf: scope.asOf, territories: territoriesInScope)
            ).render())
    }
}
