import FluentKit
import Foundation

/// Writes to the audit log. There is deliberately no update or delete here.
public enum AuditLog {
    public struct Actor: Sendable {
        public var id: String?
        public var role: String
        /// The instant of the action, from the application's clock.
        public var at: Date

        public init(id: String?, role: String, at: Date) {
            self.id = id
            self.role = role
            self.at = at
        }

        /// Command-line actions (imports, `ti user create`).
        public static func system(at: Date) -> Actor { Actor(id: nil, role: "systeme", at: at) }
    }

    public static func record(
        _ action: String, by actor: Actor, object type: String, id objectID: String,
        before: [String: String]? = nil, after: [String: String]? = nil,
        on database: any Database
    ) async throws {
        let event = AuditEvent()
        event.atEpoch = actor.at.timeIntervalSince1970
        event.actorID = actor.id
        event.actorRole = actor.role
        event.action = action
        event.objectType = type
        event.objectID = objectID
        event.beforeJSON = before.map(json)
        event.afterJSON = after.map(json)
        try await event.create(on: database)
    }

    static func json(_ values: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public struct Filter: Sendable {
        public var action: String?
        public var actorID: String?
        public var objectType: String?
        public var fromEpoch: Double?
        public var toEpoch: Double?
        public init(
            action: String? = nil, actorID: String? = nil, objectType: String? = nil, fromEpoch: Double? = nil, toEpoch: Double? = nil
        ) {
            self.action = action
            self.actorID = actorID
            self.objectType = objectType
            self.fromEpoch = fromEpoch
            self.toEpoch = toEpoch
        }
    }

    /// One recorded event, as the journal shows and exports it.
    public struct Entry: Sendable, Equatable {
        public var atEpoch: Double
        public var actorID: String?
        public var actorRole: String
        public var action: String
        public var objectType: String
        public var objectID: String
        public var beforeJSON: String?
        public var afterJSON: String?

        public init(
            atEpoch: Double, actorID: String?, actorRole: String, action: String, objectType: String, objectID: String,
            beforeJSON: String?, afterJSON: String?
        ) {
            self.atEpoch = atEpoch
            self.actorID = actorID
            self.actorRole = actorRole
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.beforeJSON = beforeJSON
            self.afterJSON = afterJSON
        }

        init(_ e: AuditEvent) {
            self.init(
                atEpoch: e.atEpoch, actorID: e.actorID, actorRole: e.actorRole, action: e.action, objectType: e.objectType,
                objectID: e.objectID, beforeJSON: e.beforeJSON, afterJSON: e.afterJSON)
        }
    }

    /// The events matching `filter`, newest first: those of `range` (all without one), and how many match in all.
    public static func entries(_ filter: Filter, range: Range<Int>? = nil, on database: any Database) async throws -> (
        entries: [Entry], total: Int
    ) {
        let total = try await query(filter, on: database).count()
        let q = query(filter, on: database)
        let events = try await (range.map { q.range($0) } ?? q).all()
        return (events.map(Entry.init), total)
    }

    static func query(_ filter: Filter, on database: any Database) -> QueryBuilder<AuditEvent> {
        var q = AuditEvent.query(on: database)
        // The action filter matches words: « ouverture » finds « session.ouverture ».
        if let a = filter.action?.trimmingCharacters(in: .whitespaces).lowercased(), !a.isEmpty {
            q = q.filter(\.$action, .custom("LIKE"), "%" + a.filter { $0 != "%" && $0 != "_" && $0 != "\\" } + "%")
        }
        if let a = filter.actorID, !a.isEmpty { q = q.filter(\.$actorID == a) }
        if let t = filter.objectType, !t.isEmpty { q = q.filter(\.$objectType == t) }
        if let f = filter.fromEpoch { q = q.filter(\.$atEpoch >= f) }
        if let t = filter.toEpoch { q = q.filter(\.$atEpoch < t) }
        return q.sort(\.$atEpoch, .descending)
    }
}
