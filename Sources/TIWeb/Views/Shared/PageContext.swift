import FluentKit
import TIDomain
import TIPersistence
import Vapor

/// What every page of one request needs to know besides its own content: who is signed in
/// (for the header) and the CSRF token (for forms). Set by `PageContextMiddleware` for the
/// duration of the request, read by `Page` and form helpers.
struct PageContext: Sendable {
    var userName: String?
    var userID: String?
    var role: Role?
    var csrfToken: String
    var currentPath: String
    /// Demonstration data is loaded: every page says so.
    var demo = false

    @TaskLocal static var current = PageContext(userName: nil, userID: nil, role: nil, csrfToken: "", currentPath: "/")

    /// The context of a request: who is signed in, the form token, the demo flag.
    static func of(_ request: Request) async -> PageContext {
        var context = PageContext(
            userName: request.currentUser?.displayName, userID: request.principal?.userID, role: request.principal?.role,
            csrfToken: request.csrfToken, currentPath: request.url.path)
        if !request.isAPI { context.demo = (try? await request.application.demoFlag.isDemo(on: request.db)) ?? false }
        return context
    }
}
