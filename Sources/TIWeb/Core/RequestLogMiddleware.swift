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
