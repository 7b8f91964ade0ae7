import TIDomain
import TIPersistence
import Vapor

/// Reads the session cookie on pages (never on the API: the API takes Bearer tokens only, so
/// a browser's cookie cannot be used against it cross-site).
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.isAPI, let token = request.cookies[SessionStore.cookieName]?.string else {
            return try await next.respond(to: request)
        }
        if let user = try await SessionStore(database: request.db).user(forToken: token, now: request.clock.epoch) {
            request.currentUser = user
            request.principal = user.principal
            request.sessionSecret = token
            return try await next.respond(to: request)
        }
        let response = try await next.respond(to: request)
        // Clear the stale cookie, unless this very response opened a new session (sign-in).
        if response.cookies[SessionStore.cookieName] == nil {
            response.cookies[SessionStore.cookieName] = SessionStore.cookie("", request: request, maxAge: 0)
        }
        return response
    }
}
