import FluentKit
import Foundation
import TIDomain

/// One step in an application's history: who, role, when, from → to, why.
public final class ApplicationEvent: Model, @unchecked Sendable {
    public static let schema = "application_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Field(key: "at_epoch") public var atEpoch: Double
    @OptionalField(key: "actor_id") public var actorID: String?
    @Field(key: "actor_role") public var actorRole: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "from_state") public var fromState: String?
    @OptionalField(key: "to_state") public var toState: String?
    @OptionalField(key: "reason") public var reason: String?

    public init() {}

    public init(applicationID: UUID, actor: AuditLog.Actor, action: String, from: ApplicationState?, to: ApplicationState?,
                reason: String?, at: Double = Date().timeIntervalSince1970) {
        self.$application.id = applicationID
        self.actorID = actor.id
        self.actorRole = actor.role
        self.action = action
        self.fromState = from?.rawValue
        self.toState = to?.rawValue
        self.reason = reason
        self.atEpoch = at
    }
}

/// The thread between the applicant and the reviewers.
public final class ApplicationMessage: Model, @unchecked Sendable {
    public static let schema = "application_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Field(key: "author_id") public var authorID: String
    @Field(key: "author_role") public var authorRole: String
    @Field(key: "author_name") public var authorName: String
    @Field(key: "body") public var body: String
    @Field(key: "at_epoch") public var atEpoch: Double

    public init() {}
}

/// A file attached to an application (or to one of its messages), stored outside the database.
public final class Attachment: Model, @unchecked Sendable {
    public static let schema = "attachments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @OptionalField(key: "message_id") public var messageID: UUID?
    @Field(key: "filename") public var filename: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size_bytes") public var sizeBytes: Int
    /// Key in the storage (not a path chosen by the user).
    @Field(key: "storage_key") public var storageKey: String
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "at_epoch") public var atEpoch: Double
    /// The call's required document this file provides (nil: a file sent with a message).
    @OptionalField(key: "document") public var document: String?

    public init() {}
}

/// Payments of a laureate's aid: planned (schedule) or made.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Enum(key: "funder") public var funder: Envelope.Funder
    @Field(key: "amount_cents") public var amountCents: Int64
    @OptionalField(key: "due_on") public var dueOn: String?
    @OptionalField(key: "paid_on") public var paidOn: String?
    @OptionalField(key: "reference") public var reference: String?

    public init() {}
}

/// Follow-up of a laureate: jobs actually created and investment actually made, at a date.
public final class FollowUp: Model, @unchecked Sendable {
    public static let schema = "follow_ups"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Field(key: "on_date") public var onDate: String
    @Field(key: "jobs_created") public var jobsCreated: Int
    @Field(key: "investment_cents") public var investmentCents: Int64
    @OptionalField(key: "comment") public var comment: String?
    @Field(key: "recorded_by") public var recordedBy: String

    public init() {}
}

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

    public init(userID: UUID, applicationID: UUID?, text: String) {
        self.$user.id = userID
        self.applicationID = applicationID
        self.text = text
        self.atEpoch = Date().timeIntervalSince1970
        self.read = false
    }
}
