import Crypto
import FluentKit
import FluentSQL
import Foundation

/// The audit log's hash chain: whoever can write to the database cannot change, remove or reorder
/// a recorded event without the chain saying so.
///
/// Every event is linked into `audit_chain` (`seq`, `event_id`, `hash`), where
/// `hash = SHA-256(previous hash, seq, every field of the event)`. Both tables are append-only
/// (triggers refuse UPDATE and DELETE). A trigger puts each new event in `audit_pending`, in the
/// event's own transaction, so a write pays one row and no lock for it. `seal` links the pending
/// events, in their order (instant, then id), while holding the `data_version` row that every
/// writer of every server takes before committing: links are made one batch at a time and the
/// chain never forks. `ti serve` seals every second (`linkIfPending`), `ti backup` before copying.
///
/// `verify` recomputes the whole chain: `ti restore` refuses a backup whose chain is broken or
/// whose head differs from the one its manifest recorded.
public enum AuditChain {
    public struct Verification: Sendable, Equatable {
        /// Events linked into the chain.
        public var chained: Int
        /// Events recorded, not yet linked.
        public var pending: Int
        /// The last link's hash (nil for an empty chain).
        public var head: String?
        /// What is wrong, in French; empty when the chain holds.
        public var problems: [String]

        public init(chained: Int, pending: Int, head: String?, problems: [String]) {
            self.chained = chained
            self.pending = pending
            self.head = head
            self.problems = problems
        }
    }

    /// Links the pending events, if there are (a read without lock when there are none).
    public static func linkIfPending(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard try await sql.raw("SELECT event_id FROM audit_pending LIMIT 1").first() != nil else { return }
        try await seal(on: database)
    }

    /// Links the pending events (the caller's transaction already holds the `data_version` row),
    /// 500 at a time: one insert and one delete per batch, so writers wait milliseconds.
    private static func linkPending(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var (seq, previous) = try await last(on: sql)
        while true {
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: eventColumns) FROM audit_pending p JOIN audit_events e ON e.id = p.event_id
                ORDER BY e.at_epoch, e.id LIMIT 500
                """
            ).all()
            guard !rows.isEmpty else { return }
            let insert = sql.insert(into: "audit_chain").columns("seq", "event_id", "hash")
            var linked: [UUID] = []
            for row in rows {
                seq += 1
                let event = try Event(row)
                previous = link(seq: seq, previous: previous, event)
                insert.values(SQLBind(seq), SQLBind(event.id), SQLBind(previous))
                linked.append(event.id)
            }
            try await insert.run()
            try await sql.delete(from: "audit_pending").where("event_id", .in, SQLBind.group(linked)).run()
        }
    }

    /// Links every pending event now, in a transaction of its own queued with the writers.
    public static func seal(on database: any Database) async throws {
        try await database.transaction { db in
            // Takes the writers' queue (the row lock on PostgreSQL, the write lock on SQLite) without changing anything.
            try await (db as! any SQLDatabase).raw("UPDATE data_version SET version = version WHERE id = 1").run()
            try await linkPending(on: db)
        }
    }

    /// The last link's hash, nil for an empty chain.
    public static func head(on database: any Database) async throws -> String? {
        let (seq, hash) = try await last(on: database as! any SQLDatabase)
        return seq == 0 ? nil : hash
    }

    /// Recomputes every link from the events; says each one that does not hold.
    public static func verify(on database: any Database) async throws -> Verification {
        let sql = database as! any SQLDatabase
        var problems: [String] = []
        func problem(_ text: String) { if problems.count < 20 { problems.append(text) } }
        var expected: Int64 = 0
        var previous = genesis
        var head: String?
        while true {
            let rows = try await sql.raw(
                """
                SELECT c.seq, c.hash, c.event_id AS linked_id, \(unsafeRaw: eventColumns)
                FROM audit_chain c LEFT JOIN audit_events e ON e.id = c.event_id
                WHERE c.seq > \(bind: expected) ORDER BY c.seq LIMIT 5000
                """
            ).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let seq = try row.decode(column: "seq", as: Int64.self)
                let stored = try row.decode(column: "hash", as: String.self)
                if seq != expected + 1 { problem("maillons \(expected + 1) à \(seq - 1) absents de la chaîne") }
                if (try? row.decodeNil(column: "id")) ?? true {
                    let linked = (try? row.decode(column: "linked_id", as: UUID.self))?.uuidString.lowercased() ?? "?"
                    problem("maillon \(seq) : l’événement \(linked) a été supprimé")
                } else if link(seq: seq, previous: previous, try Event(row)) != stored {
                    problem("maillon \(seq) : l’événement ou son empreinte a été modifié")
                }
                expected = seq
                previous = stored
                head = stored
            }
        }
        let count = { (query: SQLQueryString) in
            try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let chained = try await count("SELECT COUNT(*) AS n FROM audit_chain")
        let pending = try await count("SELECT COUNT(*) AS n FROM audit_pending p JOIN audit_events e ON e.id = p.event_id")
        let events = try await count("SELECT COUNT(*) AS n FROM audit_events")
        if events != chained + pending {
            problem("\(events) événements au journal, \(chained) chaînés et \(pending) en attente : le compte n’y est pas")
        }
        return Verification(chained: chained, pending: pending, head: head, problems: problems)
    }

    // MARK: The link

    static let genesis = String(repeating: "0", count: 64)

    static let eventColumns =
        "e.id, e.at_epoch, e.actor_id, e.actor_role, e.action, e.object_type, e.object_id, e.before_json, e.after_json"

    struct Event {
        var id: UUID
        var fields: [String?]

        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            let text = { (column: String) in try row.decode(column: column, as: String?.self) }
            // The instant by its bits: the same text on both databases, whatever their float printing.
            let at = try row.decode(column: "at_epoch", as: Double.self)
            fields = [
                id.uuidString.lowercased(), String(at.bitPattern, radix: 16), try text("actor_id"), try text("actor_role"),
                try text("action"), try text("object_type"), try text("object_id"), try text("before_json"), try text("after_json"),
            ]
        }
    }

    /// SHA-256 over the previous hash, the position and every field, each one length-prefixed
    /// (« 5:admin »; an absent value is « - »), so no two events hash alike by shifting text.
    static func link(seq: Int64, previous: String, _ event: Event) -> String {
        var hasher = SHA256()
        for part in [previous, String(seq)] + event.fields {
            hasher.update(data: Data((part.map { "\($0.utf8.count):\($0)" } ?? "-").utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func last(on sql: any SQLDatabase) async throws -> (seq: Int64, hash: String) {
        guard let row = try await sql.raw("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1").first() else {
            return (0, genesis)
        }
        return (try row.decode(column: "seq", as: Int64.self), try row.decode(column: "hash", as: String.self))
    }
}
