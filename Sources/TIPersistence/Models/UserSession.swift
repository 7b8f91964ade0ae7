import FluentKit
import Foundation

/// A signed-in browser session. The cookie carries a random token; only its SHA-256 is stored.
public final class UserSession: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    // Identity: SHA-256 (hex) of the cookie token
    @ID(custom: "token_hash", generatedBy: .user) public var id: String?

    // References
    @Parent(key: "user_id") public var user: User

    // Data (epoch seconds: date arithmetic stays in Swift, identical on SQLite and PostgreSQL)
    @Field(key: "created_epoch") public var createdEpoch: Double
    @Field(key: "last_seen_epoch") public var lastSeenEpoch: Double
    @Field(key: "expires_epoch") public var expiresEpoch: Double

    public init() {}

    public init(tokenHash: String, userID: UUID, now: Double, expires: Double) {
        self.id = tokenHash
        self.$user.id = userID
        self.createdEpoch = now
        self.lastSeenEpoch = now
        self.expiresEpoch = expires
    }
}
