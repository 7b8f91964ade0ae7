import Vapor

/// CSRF protection for every state-changing form.
///
/// - The token is **derived from the session**: HMAC-SHA256 keyed with the session's secret
///   cookie (signed in) or, before sign-in, with a random `ti_csrf` cookie. A value chosen by an
///   attacker, even one planted in both cookie and form, never matches; sign-in opens a new
///   session, so the token is renewed with it (and the anonymous cookie too).
/// - A POST whose `Origin` is another site, or whose `Sec-Fetch-Site` says cross-site, is refused.
/// - The body is collected first (bounded by `BodyLimits`), so long forms and uploads that
///   arrive in several pieces are read whole before the token is checked.
///
/// The API is exempt: it authenticates with Bearer tokens only, never with cookies.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "ti_csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookies[Self.cookieName].map(\.string).flatMap { (40...100).contains($0.count) ? $0 : nil }
        let anonymousKey = existing ?? Secret.generate()
        request.csrfToken = Self.token(sessionSecret: request.sessionSecret, anonymousKey: anonymousKey)

        if ![.GET, .HEAD, .OPTIONS].contains(request.method), !request.isAPI {
            guard Self.sameOrigin(request) else {
                throw AppError(.forbidden, code: "origine", "Ce formulaire ne vient pas de ce site : il a été refusé.")
            }
            try await BodyLimits.collect(request)
            struct Form: Decodable { var _csrf: String? }
            let sent = (try? request.content.decode(Form.self))?._csrf
            guard let sent, request.sessionSecret != nil || existing != nil, Secret.equal(request.csrfToken, sent) else {
                throw AppError(
                    .forbidden, code: "csrf",
                    "Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.")
            }
        }
        let response = try await next.respond(to: request)
        // The anonymous cookie is set only with a page whose form carries the token: other answers
        // (the API, pages without a form) stay free of cookies, so caches may keep them.
        if existing == nil, request.sessionSecret == nil, response.cookies[Self.cookieName] == nil,
            let body = response.body.buffer, body.contains(request.csrfToken)
        {
            response.cookies[Self.cookieName] = Self.cookie(anonymousKey, request: request)
        }
        return response
    }

    /// HMAC of a fixed label, keyed with the session secret or the anonymous cookie.
    static func token(sessionSecret: String?, anonymousKey: String) -> String {
        let key = SymmetricKey(data: Data((sessionSecret.map { "session:" + $0 } ?? "anonymous:" + anonymousKey).utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("ti-csrf-v1".utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func cookie(_ value: String, request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: 12 * 3600, path: "/", isSecure: request.isHTTPS, isHTTPOnly: true, sameSite: .lax)
    }

    /// No `Origin` (older browsers, tools) or the site's own origin; `Sec-Fetch-Site`, when sent,
    /// must be `same-origin` or `none` (typed address, bookmark).
    static func sameOrigin(_ request: Request) -> Bool {
        if let site = request.headers.first(name: "Sec-Fetch-Site")?.lowercased(), !["same-origin", "none"].contains(site) {
            return false
        }
        guard let origin = request.headers.first(name: .origin) else { return true }
        guard origin != "null", let url = URL(string: origin), let host = url.host else { return false }
        let originHost = url.port.map { "\(host):\($0)" } ?? host
        let requestHost = request.headers.first(name: "X-Forwarded-Host") ?? request.headers.first(name: .host) ?? ""
        return originHost.lowercased() == requestHost.lowercased()
            || origin.lowercased() == request.application.config.publicURL.lowercased().trimmingSuffix("/")
    }
}
