import Fluent
import TIDomain
import TIPersistence
import Vapor

/// `Authorization: Bearer …` on the API: a personal token acting with its owner's role and scope,
/// rate-limited per token.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.isAPI, let bearer = request.headers.bearerAuthorization?.token else {
            return try await next.respond(to: request)
        }
        let now = request.clock.epoch
        guard let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == Secret.hash(bearer)).with(\.$user).first(),
            token.isUsable(now: now), token.user.active
        else {
            throw AppError(.unauthorized, code: "jeton_invalide", "Jeton d’API inconnu, expiré ou révoqué.")
        }
        let id = try token.requireID()
        if let retryAfter = try await request.application.rateLimiter.hit(token: id, now: now, on: request.db) {
            let error = AppError(
                .tooManyRequests, code: "trop_de_requetes",
                "Trop de requêtes pour ce jeton : réessayez dans \(retryAfter) seconde\(retryAfter > 1 ? "s" : "").")
            let response = SiteErrorMiddleware.render(status: error.status, code: error.code, message: error.message, for: request)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            return response
        }
        if (token.lastUsedEpoch ?? 0) + 60 < now {
            token.lastUsedEpoch = now
            try await token.save(on: request.db)
        }
        request.currentUser = token.user
        request.principal = token.user.principal
        return try await next.respond(to: request)
    }
}
