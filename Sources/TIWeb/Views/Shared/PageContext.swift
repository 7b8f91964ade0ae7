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

struct PageContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let context = await PageContext.of(request)
        return try await PageContext.$current.withValue(context) {
            try await next.respond(to: request)
        }
    }
}

/// Whether demonstration data is loaded, re-checked at most every 30 seconds.
actor DemoFlag {
    private var value = false
    private var checkedAt: ContinuousClock.Instant?

    func isDemo(on db: any Database) async throws -> Bool {
        let now = ContinuousClock.now
        if checkedAt.map({ now - $0 > .seconds(30) }) ?? true {
            value = try await UserAccounts.hasDemoAccounts(on: db)
            checkedAt = now
        }
        return value
    }
}

extension Application {
    private struct DemoFlagKey: StorageKey { typealias Value = DemoFlag }
    var demoFlag: DemoFlag {
        get { storage[DemoFlagKey.self]! }
        set { storage[DemoFlagKey.self] = newValue }
    }
}
