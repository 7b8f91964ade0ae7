import TIDomain
import TIPersistence
import Vapor

/// Standalone SVG maps (`image/svg+xml`), cacheable.
struct MapController {
    func regions(req: Request) async throws -> Response { try respond(await req.maps.regions(.file), req) }
    func departements(req: Request) async throws -> Response { try respond(await req.maps.departements(.file), req) }
    func territories(req: Request) async throws -> Response { try respond(await req.maps.territories(.file), req) }

    func regionEpcis(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        return try respond(await req.maps.regionEpcis(code, .file), req, missing: "La région « \(code) » n’existe pas.")
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
        return try respond(await req.maps.regionEpcis(region, highlight: id, .file), req)
    }

    /// `/cartes/fonds/{hash}.svg`: a layer of a page's map. Its name is the hash of its text, so it
    /// never changes: browsers keep it a year without asking again.
    func layerDocument(req: Request) async throws -> Response {
        let raw = try req.parameters.require("hash")
        let hash = raw.hasSuffix(".svg") ? raw.dropLast(4) : Substring(raw)
        guard MapLayers.isHash(hash), let svg = try await req.maps.layerDocument(String(hash)) else {
            throw AppError.notFound("Ce fond de carte n’existe pas.")
        }
        let response = try respond(svg, req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
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
