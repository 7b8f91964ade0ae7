import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Messages between the applicant and the staff, and the notifications every operation sends.
extension FundService {
    // MARK: Messages

    public static func postMessage(_ application: FundApplication, body: String, by actor: Actor, on db: any Database) async throws -> (
        ApplicationMessage, [Notification]
    ) {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...10_000).contains(text.count) else {
            throw FundError(
                .invalid, "message_vide", "Écrivez un message (10 000 caractères au plus).", fields: ["message": "Écrivez un message."])
        }
        let message = ApplicationMessage()
        message.$application.id = application.id!
        message.authorID = actor.principal.userID
        message.authorRole = actor.role.rawValue
        message.authorName = actor.name
        message.body = text
        message.atEpoch = actor.epoch
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await message.create(on: db)
            try await AuditLog.record(
                "dossier.message", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["message": String(text.prefix(2_000))], on: db)
            let ref = application.reference ?? "brouillon"
            let notifications =
                actor.role == .applicant
                ? try await notifyReviewers(application, "Nouveau message du porteur sur le dossier \(ref).", at: actor.at, on: db)
                : try await notifyApplicants(application, "Nouveau message sur votre dossier \(ref).", at: actor.at, on: db)
            return (message, notifications)
        }
    }

    // MARK: Notifications

    static func notifyApplicants(_ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        let users = try await User.query(on: db).filter(\.$role == .applicant).filter(\.$organisationSiren == application.organisationSiren)
            .filter(\.$active == true).all()
        return try await notify(users, application, text, at: at, on: db)
    }

    static func notifyReviewers(_ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        guard let region = application.regionCode else { return [] }
        let users = try await User.query(on: db).filter(\.$role == .reviewer).filter(\.$active == true).all()
            .filter { $0.scope.regions.contains(region) }
        return try await notify(users, application, text, at: at, on: db)
    }

    static func notify(_ users: [User], _ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        var created: [Notification] = []
        for user in users {
            let n = Notification(userID: user.id!, applicationID: application.id, text: text, at: at)
            try await n.create(on: db)
            created.append(n)
        }
        return created
    }
}
