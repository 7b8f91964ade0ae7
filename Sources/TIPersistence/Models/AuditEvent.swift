import FluentKit
import Foundation

/// One state-changing action: who (user, role), when, what, before → after.
/// Append-only: the code has no update or delete path, and database triggers refuse both.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    // Identity
    @ID(key: .id) public var id: UUID?

    // Data
    @Field(key: "at_epoch") public var atEpoch: Double
    @OptionalField(key: "actor_id") public var actorID: String?
    /// `admin`, `region`… or `systeme` for command-line actions.
    @Field(key: "actor_role") public var actorRole: String
    /// `user.create`, `token.revoke`, `territory.import`…
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @Field(key: "object_id") public var objectID: String
    /// JSON objects of the relevant fields, or null.
    @OptionalField(key: "before_json") public var beforeJSON: String?
    @OptionalField(key: "after_json") public var afterJSON: String?

    public init() {}
}
