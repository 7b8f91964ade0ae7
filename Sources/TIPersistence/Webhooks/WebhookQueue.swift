import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// The sending side of webhooks, for the dispatcher: which deliveries are due, claiming one (so
/// that two servers never send it at the same time), and recording the answer.
public enum WebhookQueue {
    public struct Due: Sendable, Equatable {
        public var id: UUID
        public var event: String
        public var payload: String
        public var url: String
        public var secret: String
        public var attempts: Int
        public var firstAttemptEpoch: Double?
        /// The schedule read with the row: the claim succeeds only if it is unchanged.
        public var nextAttemptEpoch: Double
    }

    /// Pending deliveries due at `now`, oldest first, skipping any whose application has an
    /// earlier delivery to the same subscription still pending (order per application), and
    /// those of a deactivated account.
    public static func due(now: Double, limit: Int, on db: any Database) async throws -> [Due] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT d.id, d.event, d.payload, d.attempts, d.first_attempt_epoch, d.next_attempt_epoch, s.url, s.secret
            FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                JOIN users u ON u.id = s.user_id
            WHERE d.status = 'pending' AND d.next_attempt_epoch <= \(bind: now) AND s.active = \(bind: true)
              AND u.active = \(bind: true)
              AND NOT EXISTS (
                SELECT 1 FROM webhook_deliveries o
                WHERE o.subscription_id = d.subscription_id AND o.application_id = d.application_id
                  AND o.status = 'pending' AND o.sequence < d.sequence)
            ORDER BY d.sequence LIMIT \(bind: limit)
            """
        ).all()
        return try rows.map { row in
            Due(
                id: try row.decode(column: "id", as: UUID.self), event: try row.decode(column: "event", as: String.self),
                payload: try row.decode(column: "payload", as: String.self), url: try row.decode(column: "url", as: String.self),
                secret: try row.decode(column: "secret", as: String.self), attempts: try row.decode(column: "attempts", as: Int.self),
                firstAttemptEpoch: try row.decode(column: "first_attempt_epoch", as: Double?.self),
                nextAttemptEpoch: try row.decode(column: "next_attempt_epoch", as: Double.self))
        }
    }

    /// Takes a delivery for `lease` seconds: one conditional UPDATE, which only one server can
    /// win. While taken, it is not due for the others, and later ones of its application wait.
    public static func claim(_ due: Due, now: Double, lease: Double, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE webhook_deliveries SET next_attempt_epoch = \(bind: now + lease),
                first_attempt_epoch = COALESCE(first_attempt_epoch, \(bind: now))
            WHERE id = \(bind: due.id) AND status = 'pending' AND next_attempt_epoch = \(bind: due.nextAttemptEpoch)
            RETURNING id
            """
        ).all()
        return rows.count == 1
    }

    /// A 2xx answer: delivered.
    public static func delivered(_ id: UUID, status: Int, now: Double, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = \(bind: status),
                last_error = NULL, delivered_epoch = \(bind: now)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// Any other answer (or none): tried again later, or given up beyond the backoff's horizon.
    public static func failed(
        _ due: Due, status: Int?, error: String, now: Double, backoff: WebhookBackoff, on db: any Database
    ) async throws {
        let attempts = due.attempts + 1
        let next = backoff.nextAttempt(afterAttempt: attempts, now: now, firstAttempt: due.firstAttemptEpoch ?? now)
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE webhook_deliveries SET status = \(bind: next == nil ? "failed" : "pending"), attempts = \(bind: attempts),
                last_status = \(bind: status), last_error = \(bind: String(error.prefix(500))),
                next_attempt_epoch = \(bind: next ?? now)
            WHERE id = \(bind: due.id) AND status = 'pending'
            """
        ).run()
    }
}
