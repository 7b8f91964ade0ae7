import Vapor

/// CSRF protection for every state-changing form (double-submit cookie): a random token in an
/// HttpOnly, SameSite=Lax cookie must match the `_csrf` field of the form. The API is exempt:
/// it authenticates with Bearer tokens only, never with cookies.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "ti_csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName]?.string
        let token = existing.flatMap { $0.count >= 40 ? $0 : nil } ?? Secret.generate()
        request.csrfToken = token

        if ![.GET, .HEAD, .OPTIONS].contains(request.method), !request.isAPI {
            struct Form: Decodable { var _csrf: String? }
            let sent = (try? request.content.decode(Form.self))?._csrf
            guard let existing, let sent, Secret.equal(existing, sent) else {
                throw AppError(.forbidden, code: "csrf",
                               "Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.")
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, maxAge: 12 * 3600, path: "/", isSecure: request.isHTTPS, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token to put in this request's forms.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
