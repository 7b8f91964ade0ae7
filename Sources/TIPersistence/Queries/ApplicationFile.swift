import FluentKit
import Foundation
import TIDomain

/// Everything recorded on one application besides its own row: the history, the exchanges, the
/// documents, the money paid and the follow-up, oldest first, and the names of the people who acted.
public struct ApplicationFile: Sendable {
    public var call: FundCall
    public var regime: AidRegimeRecord?
    public var events: [ApplicationEvent]
    public var messages: [ApplicationMessage]
    public var attachments: [Attachment]
    public var payments: [Payment]
    public var followUps: [FollowUp]
    /// User id → display name, for the actors of `events`.
    public var actorNames: [String: String]

    public static func load(_ application: FundApplication, on db: any Database) async throws -> ApplicationFile {
        let id = try application.requireID()
        let events = try await ApplicationEvent.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all()
        let actorIDs = Set(events.compactMap(\.actorID)).compactMap(UUID.init(uuidString:))
        let names = Dictionary(
            try await User.query(on: db).filter(\.$id ~~ actorIDs).all().compactMap { u in u.id.map { ($0.uuidString, u.displayName) } }
        ) { first, _ in first }
        return ApplicationFile(
            call: try await ApplicationQueries.call(of: application, on: db),
            regime: try await CallQueries.regime(application.regimeID, on: db),
            events: events,
            messages: try await ApplicationMessage.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all(),
            attachments: try await ApplicationQueries.attachments(of: id, on: db),
            payments: try await Payment.query(on: db).filter(\.$application.$id == id).sort(\.$paidOn).all(),
            followUps: try await FollowUp.query(on: db).filter(\.$application.$id == id).sort(\.$onDate).all(),
            actorNames: names)
    }
}

/// Single reads around one application.
public enum ApplicationQueries {
    public static func find(_ id: UUID?, on db: any Database) async throws -> FundApplication? {
        try await FundApplication.find(id, on: db)
    }

    /// Reference (or « brouillon « title » ») of each application of `ids`.
    public static func labels(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await FundApplication.query(on: db).filter(\.$id ~~ ids).all()
                .compactMap { a in a.id.map { ($0, a.reference ?? "brouillon « \(a.displayName) »") } }
        ) { first, _ in first }
    }

    /// The call an application answers (a foreign key: always there).
    public static func call(of application: FundApplication, on db: any Database) async throws -> FundCall {
        try await application.$call.get(on: db)
    }

    /// Its documents, oldest first.
    public static func attachments(of id: UUID, on db: any Database) async throws -> [Attachment] {
        try await Attachment.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all()
    }

    /// One of its documents; nil for a document of another application.
    public static func attachment(_ fileID: UUID, of id: UUID, on db: any Database) async throws -> Attachment? {
        try await Attachment.query(on: db).filter(\.$id == fileID).filter(\.$application.$id == id).first()
    }

    /// The first deposit (its instant dates the receipt).
    public static func deposit(of id: UUID, on db: any Database) async throws -> ApplicationEvent? {
        try await ApplicationEvent.query(on: db).filter(\.$application.$id == id)
            .filter(\.$action == ApplicationAction.submit.rawValue).sort(\.$atEpoch).first()
    }
}
