import FluentKit
import Foundation
import TIDomain

/// An account's webhook endpoint and the events it receives.
public final class WebhookSubscription: Model, @unchecked Sendable {
    public static let schema = "webhook_subscriptions"

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Field(key: "user_id") public var userID: UUID

    // Data
    @Field(key: "url") public var url: String
    /// Signs the deliveries (HMAC-SHA256); shown once at creation.
    @Field(key: "secret") public var secret: String
    /// `WebhookEvent` raw values, comma-separated.
    @Field(key: "events") public var eventList: String
    @Field(key: "active") public var active: Bool

    // Timestamps
    @Field(key: "created_epoch") public var createdEpoch: Double

    public init() {}

    public var events: [WebhookEvent] { eventList.split(separator: ",").compactMap { WebhookEvent(rawValue: String($0)) } }
}
