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

    func map(req: Request) async throws -> Response {
        let maps = MapPage(
            territories: try await req.maps.territories(),
            regions: try await req.maps.regions(),
            departements: try await req.maps.departements())
        return HTMLResponse.make(maps.render())
    }

    func data(req: Request) async throws -> Response {
        HTMLResponse.make(DataPage().render())
    }

    func indicators(req: Request) async throws -> Response {
        HTMLResponse.make(UpcomingPage(section: .indicators, title: "Indicateurs",
            text: "Les chiffres clés du programme (lauréats, investissements, aides, emplois, part en territoires fragiles…) seront calculés ici en direct à partir des dossiers, avec leur couverture et leur date. Cette rubrique ouvrira avec le moteur d’indicateurs.").render())
    }
}
