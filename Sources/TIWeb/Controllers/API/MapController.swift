import TIDomain
import TIPersistence
import Vapor

/// Standalone SVG maps (`image/svg+xml`), cacheable.
struct MapController {
    func regions(req: Request) async throws -> Response { try respond(await req.maps.regions(), req) }
    func departements(req: Request) async throws -> Response { try respond(await req.maps.departements(), req) }
    func territories(req: Request) async throws -> Response { try respond(await req.maps.territories(), req) }

    func regionEpcis(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        return try respond(await req.maps.regionEpcis(code), req, missing: "La région « \(code) » n’existe pas.")
    }

    func territory(req: Request) async throws -> Response {
        let raw = try req.parameters.require("id")
        let id = raw.hasSuffix(".svg") ? String(raw.dropLast(4)) : raw
        guard try await GeoQueries.territoryProfile(id, on: req.db) != nil else {
            throw AppError.notFound("Le territoire d’industrie « \(id) » n’existe pas.")
        }
        let summary = try await req.territorySummaries().first { $0.id.rawValue == id }
        guard let region = summary?.regions.first else {
            throw AppError.notFound("Le territoire « \(id) » n’a pas encore de périmètre.")
        }
        return try respond(await req.maps.regionEpcis(region, highlight: id), req)
    }

    private func respond(
        _ svg: String?, _ req: Request, missing: String = "Cette carte n’est pas disponible : la géographie n’est pas importée."
    ) throws -> Response {
        guard let svg else { throw AppError.notFound(missing) }
        let response = Response(status: .ok, body: .init(string: svg))
        response.headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}
