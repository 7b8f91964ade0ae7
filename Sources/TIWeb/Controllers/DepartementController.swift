import TIDomain
import TIPersistence
import Vapor

struct DepartementController {
    /// `/departements/{code}`: the EPCI and TI of a département.
    func show(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        guard let (departement, region) = try await GeoQueries.departement(code.uppercased(), on: req.db) else {
            throw AppError.notFound("Le département « \(code) » n’existe pas.")
        }
        let epcis = try await req.epciStats().values
            .filter { $0.departements.contains(departement.code) }.sorted { $0.name < $1.name }
        let territories = try await GeoQueries.territoryNames(on: req.db)
        let stats = try await GeoQueries.departementSummaries(regionCode: region.code, on: req.db)[departement.code] ?? .init()
        let model = DepartementShowPage.Model(
            code: departement.code, name: departement.name, regionCode: region.code, regionName: region.name,
            stats: stats, epcis: epcis, territoryNames: territories)
        return HTMLResponse.make(DepartementShowPage(model: model).render())
    }
}
