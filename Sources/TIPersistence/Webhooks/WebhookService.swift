import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// An account's webhook subscriptions (create, list, delete), their delivery log and manual
/// redelivery. A subscription of someone else is answered as absent (`nil` / `false`).
public enum WebhookService {
    public struct Subscription: Sendable, Equatable {
        public var id: UUID
        public var url: String
        public var events: [WebhookEvent]
        public var active: Bool
        public var createdEpoch: Double
    }

    public struct Delivery: Sendable, Equatable {
        public var id: UUID
        public var event: String
        public var applicationID: UUID
        public var sequence: Int64
        public var status: WebhookDelivery.Status
        public var attempts: Int
        public var nextAttemptEpoch: Double?
        public var lastStatus: Int?
        public var lastError: String?
        public var deliveredEpoch: Double?
        public var createdEpoch: Double
    }

    static func summary(_ s: WebhookSubscription) throws -> Subscription {
        Subscription(id: try s.requireID(), url: s.url, events: s.events, active: s.active, createdEpoch: s.createdEpoch)
    }

    /// A random secret of 32 bytes, in hexadecimal, prefixed so that it is recognisable.
    static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "whsec_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Registers an endpoint for `events`; returns it with its secret (shown once).
    public static func create(
        userID: UUID, url rawURL: String, events rawEvents: [String], allowHTTPLoopback: Bool, actor: AuditLog.Actor,
        on db: any Database
    ) async throws -> (Subscription, secret: String) {
        let url: String
        do { url = try WebhookRules.validateEndpoint(rawURL, allowHTTPLoopback: allowHTTPLoopback) } catch {
            throw FundError(.invalid, error.code, error.message, fields: ["url": error.message])
        }
        var events: [WebhookEvent] = []
        for raw in rawEvents {
            guard let event = WebhookEvent(rawValue: raw) else {
                throw FundError(
                    .invalid, "evenement_inconnu",
                    "Événement inconnu : « \(raw.prefix(60)) » (attendus : \(WebhookEvent.allCases.map(\.rawValue).joined(separator: ", ")))."
                )
            }
            if !events.contains(event) { events.append(event) }
        }
        guard !events.isEmpty else {
            throw FundError(.invalid, "evenements_requis", "Choisissez au moins un événement.")
        }
        let subscription = WebhookSubscription()
        subscription.id = UUID()
        subscription.userID = userID
        subscription.url = url
        subscription.secret = newSecret()
        subscription.eventList = WebhookEvent.allCases.filter(events.contains).map(\.rawValue).joined(separator: ",")
        subscription.active = true
        subscription.createdEpoch = actor.at.timeIntervalSince1970
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            let count = try await WebhookSubscription.query(on: db).filter(\.$userID == userID).count()
            guard count < WebhookRules.maxSubscriptions else {
                throw FundError(
                    .conflict, "trop_d_abonnements",
                    "Un compte a au plus \(WebhookRules.maxSubscriptions) abonnements : supprimez-en un avant d’en créer un autre.")
            }
            try await subscription.create(on: db)
            try await AuditLog.record(
                "webhook.creation", by: actor, object: "webhook", id: subscription.id!.uuidString,
                after: ["url": url, "evenements": subscription.eventList], on: db)
        }
        return (try summary(subscription), subscription.secret)
    }

    /// The account's subscriptions, oldest first.
    public static func list(userID: UUID, on db: any Database) async throws -> [Subscription] {
        try await WebhookSubscription.query(on: db).filter(\.$userID == userID).sort(\.$createdEpoch).sort(\.$id).all().map(summary)
    }

    /// One of the account's subscriptions.
    public static func find(_ id: UUID, userID: UUID, on db: any Database) async throws -> Subscription? {
        try await WebhookSubscription.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first().map(summary)
    }

    /// Deletes one of the account's subscriptions and its log; false when it is not theirs.
    public static func delete(_ id: UUID, userID: UUID, actor: AuditLog.Actor, on db: any Database) async throws -> Bool {
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard let subscription = try await WebhookSubscription.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first()
            else { return false }
            try await WebhookDelivery.query(on: db).filter(\.$subscriptionID == id).delete()
            try await subscription.delete(on: db)
            try await AuditLog.record(
                "webhook.suppression", by: actor, object: "webhook", id: id.uuidString,
                before: ["url": subscription.url, "evenements": subscription.eventList], after: nil, on: db)
            return true
        }
    }

    /// A page of a subscription's delivery log, newest first; `nil` when it is not the account's.
    public static func deliveries(
        of id: UUID, userID: UUID, range: Range<Int>, on db: any Database
    ) async throws -> (total: Int, items: [Delivery])? {
        guard try await find(id, userID: userID, on: db) != nil else { return nil }
        let query = WebhookDelivery.query(on: db).filter(\.$subscriptionID == id)
        let total = try await query.copy().count()
        let rows = try await query.sort(\.$sequence, .descending).range(range).all()
        return (
            total,
            try rows.map { d in
                Delivery(
                    id: try d.requireID(), event: d.event, applicationID: d.applicationID, sequence: d.sequence, status: d.status,
                    attempts: d.attempts, nextAttemptEpoch: d.status == .pending ? d.nextAttemptEpoch : nil, lastStatus: d.lastStatus,
                    lastError: d.lastError, deliveredEpoch: d.deliveredEpoch, createdEpoch: d.createdEpoch)
            }
        )
    }

    /// Sends a delivery again, with the same id and body: it becomes pending now, with a new
    /// 24-hour window. False when the subscription or the delivery is not the account's.
    public static func redeliver(
        _ deliveryID: UUID, subscription id: UUID, userID: UUID, actor: AuditLog.Actor, on db: any Database
    ) async throws -> Bool {
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard try await find(id, userID: userID, on: db) != nil,
                let delivery = try await WebhookDelivery.query(on: db).filter(\.$id == deliveryID).filter(\.$subscriptionID == id).first()
            else { return false }
            delivery.status = .pending
            delivery.attempts = 0
            delivery.firstAttemptEpoch = nil
            delivery.nextAttemptEpoch = actor.at.timeIntervalSince1970
            try await delivery.save(on: db)
            try await AuditLog.record(
                "webhook.renvoi", by: actor, object: "webhook", id: id.uuidString, after: ["livraison": deliveryID.uuidString], on: db)
            return true
        }
    }
}
