import FluentKit
import Foundation

/// A personal API token: acts with its owner's role and scope, sent as `Authorization: Bearer`.
/// Shown once at creation; only its SHA-256 is stored.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Parent(key: "user_id") public var user: User

    // Data
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    /// The first characters of the token, to recognise it in a list.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "expires_epoch") public var expiresEpoch: Double
    @OptionalField(key: "revoked_epoch") public var revokedEpoch: Double?
    @OptionalField(key: "last_used_epoch") public var lastUsedEpoch: Double?

    // Timestamps
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, name: String, tokenHash: String, prefix: String, expires: Double) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.expiresEpoch = expires
    }

    public func isUsable(now: Double) -> Bool { revokedEpoch == nil && expiresEpoch > now }
}
