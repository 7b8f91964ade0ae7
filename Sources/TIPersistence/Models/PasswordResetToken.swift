import FluentKit
import Foundation

/// A single-use, time-limited password reset link. Only the SHA-256 of the token is stored.
public final class PasswordResetToken: Model, @unchecked Sendable {
    public static let schema = "password_reset_tokens"

    @ID(custom: "token_hash", generatedBy: .user) public var id: String?
    @Parent(key: "user_id") public var user: User
    @Field(key: "expires_epoch") public var expiresEpoch: Double
    @OptionalField(key: "used_epoch") public var usedEpoch: Double?

    public init() {}

    public init(tokenHash: String, userID: UUID, expires: Double) {
        self.id = tokenHash
        self.$user.id = userID
        self.expiresEpoch = expires
    }
}
