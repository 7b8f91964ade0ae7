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

    public init(
        applicationID: UUID, actor: AuditLog.Actor, action: String, from: ApplicationState?, to: ApplicationState?,
        reason: String?, at: Double? = nil
    ) {
        self.$application.id = applicationID
        self.actorID = actor.id
        self.actorRole = actor.role
        self.action = action
        self.fromState = from?.rawValue
        self.toState = to?.rawValue
        self.reason = reason
        self.atEpoch = at ?? actor.at.timeIntervalSince1970
    }
}
