import TIDomain
import TIPersistence
import Vapor

struct DepartementController {
    static let pageSize = 50

    /// `/departements/{code}`: the EPCI and TI of a département, and its laureates today (`?page=`, 50 a page).
    func show(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        guard let (departement, region) = try await GeoQueries.departement(code.uppercased(), on: req.db) else {
            throw AppError.notFound("Le département « \(code) » n’existe pas.")
        }
        // Not a number: the first page; out of range: 400.
        let pagination = try Pagination(page: try? req.query.get(Int.self, at: "page"), size: Self.pageSize)
        let today = req.clock.today
        // Today's laureates of every département, placed and sorted once per data version (the map's rule and query).
        let all = try await req.memoised("laureates-by-departement:\(today.iso)") {
            Dictionary(grouping: try await MapPageController.laureates(req, asOf: today), by: \.departement).mapValues {
                $0.sorted { ($0.name, $0.id.uuidString) < ($1.name, $1.id.uuidString) }
            }
        }
        let laureates = all[departement.code] ?? []
        let epcis = try await req.epciStats().values
            .filter { $0.departements.contains(departement.code) }.sorted { $0.name < $1.name }
        let territories = try await GeoQueries.territoryNames(on: req.db)
        let stats = try await GeoQueries.departementSummaries(regionCode: region.code, on: req.db)[departement.code] ?? .init()
        let model = DepartementShowPage.Model(
            code: departement.code, name: departement.name, regionCode: region.code, regionName: region.name,
            stats: stats, epcis: epcis, territoryNames: territories, asOf: today, pagination: pagination,
            laureateCount: laureates.count, laureatesInside: laureates.filter { $0.territory != nil }.count,
            laureates: Array(laureates[pagination.range.clamped(to: 0..<laureates.count)]))
        return HTMLResponse.make(DepartementShowPage(model: model).render())
    }
}
