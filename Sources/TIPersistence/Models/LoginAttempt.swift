import FluentKit
import Foundation

/// Recent failed sign-ins for one key (`account:<sha256 of e-mail>` or `address:<ip>`).
public final class LoginAttempt: Model, @unchecked Sendable {
    public static let schema = "login_attempts"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "failures") public var failures: Int
    @Field(key: "window_start_epoch") public var windowStartEpoch: Double
    @OptionalField(key: "locked_until_epoch") public var lockedUntilEpoch: Double?

    public init() {}

    public init(key: String, now: Double) {
        self.id = key
        self.failures = 0
        self.windowStartEpoch = now
    }
}
