import FluentKit
import Foundation
import TIDomain

/// A message to a user about an application (also e-mailed).
public final class Notification: Model, @unchecked Sendable {
    public static let schema = "notifications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @Field(key: "text") public var text: String
    @Field(key: "at_epoch") public var atEpoch: Double
    @Field(key: "read") public var read: Bool

    public init() {}

    public init(userID: UUID, applicationID: UUID?, text: String, at: Date) {
        self.$user.id = userID
        self.applicationID = applicationID
        self.text = text
        self.atEpoch = at.timeIntervalSince1970
        self.read = false
    }
}
