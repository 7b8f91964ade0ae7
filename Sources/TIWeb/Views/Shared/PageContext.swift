import TIDomain
import Vapor

/// What every page of one request needs to know besides its own content: who is signed in
/// (for the header) and the CSRF token (for forms). Set by `PageContextMiddleware` for the
/// duration of the request, read by `Page` and form helpers.
struct PageContext: Sendable {
    var userName: String?
    var role: Role?
    var csrfToken: String
    var currentPath: String

    @TaskLocal static var current = PageContext(userName: nil, role: nil, csrfToken: "", currentPath: "/")
}

struct PageContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let context = PageContext(userName: request.currentUser?.displayName, role: request.principal?.role,
                                  csrfToken: request.csrfToken, currentPath: request.url.path)
        return try await PageContext.$current.withValue(context) {
            try await next.respond(to: request)
        }
    }
}
