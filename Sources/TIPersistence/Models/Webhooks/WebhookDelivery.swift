import FluentKit
import Foundation

/// One event sent (or to send) to one subscription. Its id is the idempotency key, the same on
/// every attempt.
public final class WebhookDelivery: Model, @unchecked Sendable {
    public static let schema = "webhook_deliveries"

    public enum Status: String, Codable, Sendable {
        case pending, delivered, failed
    }

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Field(key: "subscription_id") public var subscriptionID: UUID
    @Field(key: "application_id") public var applicationID: UUID

    // Data
    @Field(key: "event") public var event: String
    /// The JSON body, exactly as signed and sent.
    @Field(key: "payload") public var payload: String
    /// Orders the deliveries of an application: a later one waits for the earlier ones.
    @Field(key: "sequence") public var sequence: Int64
    @Enum(key: "status") public var status: Status
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_epoch") public var nextAttemptEpoch: Double
    @OptionalField(key: "first_attempt_epoch") public var firstAttemptEpoch: Double?
    @OptionalField(key: "last_status") public var lastStatus: Int?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "delivered_epoch") public var deliveredEpoch: Double?

    // Timestamps
    @Field(key: "created_epoch") public var createdEpoch: Double

    public init() {}
}
