import FluentKit
import Foundation
import TIDomain

/// Everything recorded on one application besides its own row: the history, the exchanges, the
/// documents, the money paid and the follow-up, oldest first, and the names of the people who acted.
/// Plain values: the pages read them, nothing writes through them.
public struct ApplicationFile: Sendable {
    public struct Event: Sendable, Equatable {
        public var atEpoch: Double
        public var actorID: String?
        public var actorRole: String
        public var action: String
        public var toState: String?
        public var reason: String?

        public init(atEpoch: Double, actorID: String?, actorRole: String, action: String, toState: String?, reason: String?) {
            (self.atEpoch, self.actorID, self.actorRole, self.action, self.toState, self.reason) =
                (atEpoch, actorID, actorRole, action, toState, reason)
        }
    }

    public struct Message: Sendable, Equatable {
        public var id: UUID
        public var authorRole: String
        public var authorName: String
        public var body: String
        public var atEpoch: Double

        public init(id: UUID, authorRole: String, authorName: String, body: String, atEpoch: Double) {
            (self.id, self.authorRole, self.authorName, self.body, self.atEpoch) = (id, authorRole, authorName, body, atEpoch)
        }
    }

    /// A document attached to the application, or to one of its messages.
    public struct Document: Sendable, Equatable {
        public var id: UUID
        public var messageID: UUID?
        public var filename: String
        public var sizeBytes: Int
        /// The required document it stands for, if any.
        public var document: String?
        public var atEpoch: Double

        public init(id: UUID, messageID: UUID? = nil, filename: String, sizeBytes: Int, document: String? = nil, atEpoch: Double) {
            (self.id, self.messageID, self.filename, self.sizeBytes, self.document, self.atEpoch) =
                (id, messageID, filename, sizeBytes, document, atEpoch)
        }

        public var sizeLabel: String {
            sizeBytes >= 1_048_576
                ? FrenchNumber.decimal(Double(sizeBytes) / 1_048_576, digits: 1) + " Mo"
                : "\(max(1, sizeBytes / 1024)) Ko"
        }
    }

    public struct PaymentLine: Sendable, Equatable {
        public var funder: Envelope.Funder
        public var amountCents: Int64
        public var dueOn: String?
        public var paidOn: String?
        public var reference: String?

        public init(funder: Envelope.Funder, amountCents: Int64, dueOn: String?, paidOn: String?, reference: String?) {
            (self.funder, self.amountCents, self.dueOn, self.paidOn, self.reference) = (funder, amountCents, dueOn, paidOn, reference)
        }
    }

    public struct FollowUpLine: Sendable, Equatable {
        public var onDate: String
        public var jobsCreated: Int
        public var investmentCents: Int64
        public var comment: String?

        public init(onDate: String, jobsCreated: Int, investmentCents: Int64, comment: String?) {
            (self.onDate, self.jobsCreated, self.investmentCents, self.comment) = (onDate, jobsCreated, investmentCents, comment)
        }
    }

    public var call: CallSummary
    public var events: [Event]
    public var messages: [Message]
    public var attachments: [Document]
    public var payments: [PaymentLine]
    public var followUps: [FollowUpLine]
    /// User id → display name, for the actors of `events`.
    public var actorNames: [String: String]

    public init(
        call: CallSummary, events: [Event] = [], messages: [Message] = [], attachments: [Document] = [],
        payments: [PaymentLine] = [], followUps: [FollowUpLine] = [], actorNames: [String: String] = [:]
    ) {
        self.call = call
        self.events = events
        self.messages = messages
        self.attachments = attachments
        self.payments = payments
        self.followUps = followUps
        self.actorNames = actorNames
    }

    public static func load(_ application: FundApplication, on db: any Database) async throws -> ApplicationFile {
        let id = try application.requireID()
        let events = try await ApplicationEvent.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all()
        let actorIDs = Set(events.compactMap(\.actorID)).compactMap(UUID.init(uuidString:))
        let names = Dictionary(
            try await User.query(on: db).filter(\.$id ~~ actorIDs).all().compactMap { u in u.id.map { ($0.uuidString, u.displayName) } }
        ) { first, _ in first }
        return ApplicationFile(
            call: try await ApplicationQueries.call(of: application, on: db),
            events: events.map {
                Event(
                    atEpoch: $0.atEpoch, actorID: $0.actorID, actorRole: $0.actorRole, action: $0.action, toState: $0.toState,
                    reason: $0.reason)
            },
            messages: try await ApplicationMessage.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all().map {
                Message(id: $0.id ?? UUID(), authorRole: $0.authorRole, authorName: $0.authorName, body: $0.body, atEpoch: $0.atEpoch)
            },
            attachments: try await ApplicationQueries.documents(of: id, on: db),
            payments: try await Payment.query(on: db).filter(\.$application.$id == id).sort(\.$paidOn).all().map {
                PaymentLine(funder: $0.funder, amountCents: $0.amountCents, dueOn: $0.dueOn, paidOn: $0.paidOn, reference: $0.reference)
            },
            followUps: try await FollowUp.query(on: db).filter(\.$application.$id == id).sort(\.$onDate).all().map {
                FollowUpLine(onDate: $0.onDate, jobsCreated: $0.jobsCreated, investmentCents: $0.investmentCents, comment: $0.comment)
            },
            actorNames: names)
    }
}
