import FluentKit
import Foundation
import TIDomain

/// One dated change to an action: who, when, what, and the whole sheet as it was after it, so
/// that any date can be shown as it was.
public final class ActionHistoryEntry: Model, @unchecked Sendable {
    public static let schema = "action_history"

    public enum Event: String, Codable, Sendable {
        case creation, modification, validation, renvoi
        case imported = "import"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "action_id") public var actionID: UUID
    @Field(key: "at_epoch") public var atEpoch: Double
    @OptionalField(key: "actor_id") public var actorID: String?
    @Field(key: "actor_role") public var actorRole: String
    @Enum(key: "event") public var event: Event
    @OptionalField(key: "reason") public var reason: String?
    @Field(key: "snapshot_json") public var snapshotJSON: String

    public init() {}

    public init(action: ActionRecord, event: Event, reason: String? = nil, by actor: AuditLog.Actor) {
        self.id = UUID()
        self.actionID = action.id!
        self.atEpoch = actor.at.timeIntervalSince1970
        self.actorID = actor.id
        self.actorRole = actor.role
        self.event = event
        self.reason = reason
        let snapshot = ActionSnapshot(content: action.content, validation: action.validation, extras: action.extras)
        self.snapshotJSON = String(decoding: (try? JSONEncoder().encode(snapshot)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
