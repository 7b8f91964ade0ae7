import Fluent
import TIDomain
import TIPersistence
import Vapor

/// Browser sessions stored in the database. The cookie holds a random token; the table its hash.
/// A session ends on sign-out, after `idleTimeout` without activity, or `lifetime` after sign-in.
struct SessionStore {
    static let cookieName = "ti_session"
    static let idleTimeout: Double = 2 * 3600
    static let lifetime: Double = 12 * 3600

    let database: any Database

    /// Opens a session for a user whose identity was established (password today, ProConnect
    /// tomorrow: an OpenID Connect callback ends here too, so no controller changes).
    func open(for user: TIPersistenceUser, now: Double) async throws -> String {
        let token = Secret.generate()
        try await UserSession(tokenHash: Secret.hash(token), userID: user.requireID(), now: now, expires: now + Self.lifetime)
            .create(on: database)
        user.lastLoginAt = Date(timeIntervalSince1970: now)
        try await user.save(on: database)
        return token
    }

    /// The user of a valid session; nil (and the session deleted) when expired.
    func user(forToken token: String, now: Double) async throws -> TIPersistenceUser? {
        guard let session = try await UserSession.query(on: database).filter(\.$id == Secret.hash(token)).with(\.$user).first()
        else { return nil }
        guard session.expiresEpoch > now, session.lastSeenEpoch + Self.idleTimeout > now, session.user.active else {
            try await session.delete(on: database)
            return nil
        }
        if now - session.lastSeenEpoch > 60 {
            session.lastSeenEpoch = now
            try await session.save(on: database)
        }
        return session.user
    }

    func close(token: String) async throws {
        try await UserSession.query(on: database).filter(\.$id == Secret.hash(token)).delete()
    }

    func closeAll(for userID: UUID) async throws {
        try await UserSession.query(on: database).filter(\.$user.$id == userID).delete()
    }

    static func cookie(_ value: String, request: Request, maxAge: Int? = Int(lifetime)) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, path: "/", isSecure: request.isHTTPS, isHTTPOnly: true, sameSite: .lax)
    }
}

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
        if let retryAfter = await request.application.rateLimiter.hit(id.uuidString, now: now) {
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

/// Fixed one-minute windows per API token.
actor RateLimiter {
    let limit: Int
    private var windows: [String: (start: Double, count: Int)] = [:]

    init(limit: Int) { self.limit = limit }

    /// nil if allowed; otherwise seconds until the window resets.
    func hit(_ key: String, now: Double) -> Int? {
        var window = windows[key] ?? (now, 0)
        if now - window.start >= 60 { window = (now, 0) }
        window.count += 1
        windows[key] = window
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < 60 } }
        return window.count > limit ? max(1, Int((window.start + 60 - now).rounded(.up))) : nil
    }
}

extension Request {
    /// Served over HTTPS, directly or behind a proxy that says so.
    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
