import Fluent
import Vapor

/// Logs each request's method and path, with secrets in paths redacted and no query string
/// (queries can carry search terms and addresses). No personal data in logs.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.info("\(request.method) \(request.loggablePath)")
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The path with single-use tokens replaced by `…`.
    var loggablePath: String {
        let path = url.path
        let reset = SiteURL.resetPassword("").path
        return path.hasPrefix(reset) ? reset + "…" : path
    }
}

/// `ti serve --env production` refuses to start while a demonstration account (published password) exists.
enum ProductionGuard {
    static func check(_ app: Application) async throws {
        guard app.environment == .production else { return }
        let demo = try await TIPersistenceUser.query(on: app.db).filter(\.$isDemo == true).count()
        guard demo == 0 else { throw DemoAccountsInProduction(count: demo) }
    }
}

struct DemoAccountsInProduction: Error, CustomStringConvertible {
    var count: Int
    var description: String {
        "Refus de démarrer en production : \(count) compte(s) de démonstration existent, avec des mots de passe publiés. Utilisez une base sans données de démonstration."
    }
}
