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
