import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Queues webhook deliveries inside the transaction that changes an application, so a delivery
/// exists exactly when the change is committed. Only subscriptions whose owner sees the
/// application (`FundAccess.canSee`) receive it; review content (each party's decision key) only
/// goes to those who `seesReview`.
public enum WebhookOutbox {
    /// The JSON body of a delivery (keys in snake_case, sorted).
    public struct Payload: Codable, Sendable, Equatable {
        public struct ApplicationRef: Codable, Sendable, Equatable {
            public var id: UUID
            public var reference: String?
            public var state: String
            public var region: String?
        }

        /// What happened: the fields that apply to the event.
        public struct Data: Codable, Sendable, Equatable {
            public var action: String?
            public var from: String?
            public var to: String?
            public var party: String?
            public var favourable: Bool?
            public var outcome: String?
            public var funder: String?
            public var amountCents: Int64?
            public var on: String?
            public var kind: String?

            public init(
                action: String? = nil, from: String? = nil, to: String? = nil, party: String? = nil, favourable: Bool? = nil,
                outcome: String? = nil, funder: String? = nil, amountCents: Int64? = nil, on: String? = nil, kind: String? = nil
            ) {
                self.action = action
                self.from = from
                self.to = to
                self.party = party
                self.favourable = favourable
                self.outcome = outcome
                self.funder = funder
                self.amountCents = amountCents
                self.on = on
                self.kind = kind
            }
        }

        public var id: UUID
        public var event: String
        public var occurredAt: String
        public var application: ApplicationRef
        public var data: Data
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Queues `event` for every subscriber that sees `application`; `data` says what this
    /// subscriber receives (`nil`: nothing). Call inside the write transaction of the change.
    static func enqueue(
        _ event: WebhookEvent, application: FundApplication, at: Date, on db: any Database,
        data: (Principal) -> Payload.Data?
    ) async throws {
        let subscriptions = try await WebhookSubscription.query(on: db).filter(\.$active == true).all()
            .filter { $0.events.contains(event) }
        guard !subscriptions.isEmpty, let applicationID = application.id else { return }
        let owners = try await User.query(on: db).filter(\.$id ~~ Set(subscriptions.map(\.userID))).filter(\.$active == true).all()
        let principals = Dictionary(owners.map { ($0.id!, $0.principal) }, uniquingKeysWith: { a, _ in a })
        var sequence = try await nextSequence(on: db)
        let formatter = ISO8601DateFormatter()
        for subscription in subscriptions {
            guard let principal = principals[subscription.userID], FundAccess.canSee(application, principal),
                let data = data(principal)
            else { continue }
            let id = UUID()
            let payload = Payload(
                id: id, event: event.rawValue, occurredAt: formatter.string(from: at),
                application: .init(
                    id: applicationID, reference: application.reference, state: application.state.rawValue,
                    region: application.regionCode),
                data: data)
            let delivery = WebhookDelivery()
            delivery.id = id
            delivery.subscriptionID = try subscription.requireID()
            delivery.applicationID = applicationID
            delivery.event = event.rawValue
            delivery.payload = String(decoding: try encoder.encode(payload), as: UTF8.self)
            delivery.sequence = sequence
            delivery.status = .pending
            delivery.attempts = 0
            delivery.nextAttemptEpoch = at.timeIntervalSince1970
            delivery.createdEpoch = at.timeIntervalSince1970
            try await delivery.create(on: db)
            sequence += 1
        }
    }

    /// The next ordering number. Read inside the transaction that has just written the
    /// application's row, so a later change of the same application gets a larger one.
    static func nextSequence(on db: any Database) async throws -> Int64 {
        let row = try await (db as! any SQLDatabase).raw("SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM webhook_deliveries").first()
        return try row?.decode(column: "next", as: Int64.self) ?? 1
    }

    // MARK: The events of the fund

    /// A change of state (`from` → the application's state now).
    static func stateChanged(
        _ application: FundApplication, from: ApplicationState, action: String, at: Date, on db: any Database
    ) async throws {
        guard from != application.state else { return }
        try await enqueue(.state, application: application, at: at, on: db) { _ in
            Payload.Data(action: action, from: from.rawValue, to: application.state.rawValue)
        }
    }

    /// One party's decision key. Staff see the key; the others only the outcome, once there is one.
    static func decided(
        _ application: FundApplication, party: String, favourable: Bool, at: Date, on db: any Database
    ) async throws {
        let outcome: String =
            switch application.state {
            case .laureate: "laureate"
            case .rejected: "rejected"
            default: "pending"
            }
        try await enqueue(.decision, application: application, at: at, on: db) { principal in
            if FundAccess.seesReview(principal) { return Payload.Data(party: party, favourable: favourable, outcome: outcome) }
            return outcome == "pending" ? nil : Payload.Data(outcome: outcome)
        }
    }

    /// A payment made (`kind` « versement ») or a recovery (« reversement », a negative amount).
    static func paid(
        _ application: FundApplication, kind: String, funder: String, amountCents: Int64, on day: String, at: Date,
        on db: any Database
    ) async throws {
        try await enqueue(.payment, application: application, at: at, on: db) { _ in
            Payload.Data(funder: funder, amountCents: amountCents, on: day, kind: kind)
        }
    }
}
