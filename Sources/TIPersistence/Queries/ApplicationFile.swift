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
            call: try await application.$call.get(on: db),
            regime: try await AidRegimeRecord.find(application.regimeID, on: db),
            events: events,
            messages: try await ApplicationMessage.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all(),
            attachments: try await Attachment.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all(),
            payments: try await Payment.query(on: db).filter(\.$application.$id == id).sort(\.$paidOn).all(),
            followUps: try await FollowUp.query(on: db).filter(\.$application.$id == id).sort(\.$onDate).all(),
            actorNames: names)
    }
}
