import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Every operation on an application. Each one checks the state machine and the actor's role,
/// writes in one transaction (history event, audit event, notifications) and returns the
/// notifications to e-mail. Scope (which applications an actor may see) is checked by callers
/// with `FundAccess`.
public enum FundService {
    public struct Actor: Sendable {
        public var principal: Principal
        public var name: String
        /// The instant of the action: events, messages and attachments are stamped with it,
        /// and date rules (call open, 12-month window) read `today` from it.
        public var at: Date
        public init(principal: Principal, name: String, at: Date) {
            self.principal = principal
            self.name = name
            self.at = at
        }
        public var today: CivilDate { CivilDate(parisDayOf: at) }
        var epoch: Double { at.timeIntervalSince1970 }
        var audit: AuditLog.Actor { AuditLog.Actor(id: principal.userID, role: principal.role.rawValue, at: at) }
        public var role: Role { principal.role }
    }

    // MARK: Drafts

    public static func createDraft(call: FundCall, by actor: Actor, on db: any Database) async throws -> FundApplication {
        guard actor.role == .applicant, let siren = actor.principal.scope.organisation else {
            throw FundError(.forbidden, "role_interdit", "Seul un porteur de projet peut créer un dossier.")
        }
        guard call.rules.isOpen(on: actor.today) else {
            throw FundError(
                .conflict, "appel_clos",
                "Cet appel n’est pas ouvert aux candidatures (du \(call.rules.opensOn.french) au \(call.rules.closesOn.french)).")
        }
        let application = FundApplication(
            callID: call.id!, regimeID: call.$regime.id, organisation: siren.rawValue,
            createdBy: UUID(uuidString: actor.principal.userID))
        var content = ApplicationContent()
        content.siren = siren.rawValue
        application.content = content
        try await db.writeTransaction { db in
            try await application.create(on: db)
            try await WriteTransaction.touch(application: application.id!, on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "creation", from: nil, to: .draft, reason: nil
            ).create(on: db)
            try await AuditLog.record(
                "dossier.creation", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: application.auditSnapshot, on: db)
        }
        return application
    }

    /// Saves the applicant's content (as often as they like), resolving the site's location.
    public static func save(_ application: FundApplication, content: ApplicationContent, by actor: Actor, on db: any Database) async throws
    {
        guard actor.role == .applicant, application.state.isEditableByApplicant else {
            throw FundError(.conflict, "non_modifiable", "Ce dossier n’est plus modifiable (état : \(application.state.label)).")
        }
        var content = content
        content.siren = application.organisationSiren  // the organisation is the account's
        let before = application.content.auditFields
        application.content = content
        try await resolveLocation(application, on: db)
        application.refreshSearchText()
        try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            try await application.save(on: db)
            // After the deposit, every change of content is in the audit log, before → after.
            guard application.reference != nil else { return }
            let after = application.content.auditFields
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            guard !changed.isEmpty else { return }
            try await AuditLog.record(
                "dossier.modification", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before.filter { changed.contains($0.key) }, after: after.filter { changed.contains($0.key) }, on: db)
        }
    }

    /// Stores an attachment's record (the file is already in the storage), with its audit event.
    public static func attach(
        _ application: FundApplication, filename: String, contentType: String, sizeBytes: Int, storageKey: String,
        document: String?, messageID: UUID?, by actor: Actor, on db: any Database
    ) async throws {
        let attachment = Attachment()
        attachment.$application.id = application.id!
        attachment.messageID = messageID
        attachment.document = document
        attachment.filename = filename
        attachment.contentType = contentType
        attachment.sizeBytes = sizeBytes
        attachment.storageKey = storageKey
        attachment.uploadedBy = actor.principal.userID
        attachment.atEpoch = actor.epoch
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await attachment.create(on: db)
            try await AuditLog.record(
                "dossier.piece_jointe", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["fichier": filename, "octets": String(sizeBytes), "piece": document ?? "avec un message"], on: db)
        }
    }

    /// Region, département, EPCI, TI and zonings of the site, from its commune code.
    static func resolveLocation(_ application: FundApplication, on db: any Database) async throws {
        application.regionCode = nil
        application.departementCode = nil
        application.epciSiren = nil
        application.territoryID = nil
        application.fragile = false
        application.zonings = ""
        guard let raw = application.communeCode, let code = InseeCode(raw),
            let place = try await CommuneResolver.resolve(code, on: db)
        else { return }
        application.communeCode = place.commune.code
        application.regionCode = place.region.code
        application.departementCode = place.departement.code
        application.epciSiren = place.epci?.siren
        application.territoryID = place.territories.first?.id
        application.fragile = place.fragile
        application.zonings = place.zonings.map(\.rawValue).joined(separator: ",")
    }

    /// Deletes a draft that was never deposited, with what hangs on it; returns the storage keys of
    /// its files, to remove once the transaction is committed.
    public static func deleteDraft(_ application: FundApplication, by actor: Actor, on db: any Database) async throws -> [String] {
        guard actor.role == .applicant, application.state == .draft, application.reference == nil else {
            throw FundError(
                .conflict, "non_supprimable", "Seul un brouillon jamais déposé peut être supprimé (état : \(application.state.label)).")
        }
        let id = try application.requireID()
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: id, on: db)
            let files = try await Attachment.query(on: db).filter(\.$application.$id == id).all()
            try await Attachment.query(on: db).filter(\.$application.$id == id).delete()
            try await ApplicationMessage.query(on: db).filter(\.$application.$id == id).delete()
            try await ApplicationEvent.query(on: db).filter(\.$application.$id == id).delete()
            try await Notification.query(on: db).filter(\.$applicationID == id).delete()
            try await application.delete(on: db)
            try await AuditLog.record(
                "dossier.suppression_brouillon", by: actor.audit, object: "dossier", id: id.uuidString,
                before: ["titre": application.displayName, "etat": application.state.rawValue], after: nil, on: db)
            return files.map(\.storageKey)
        }
    }

    // MARK: Following a file (staff)

    /// Names the reviewer in charge (nil: nobody); the reviewer must cover the file's région.
    public static func assign(_ application: FundApplication, to reviewerID: UUID?, by actor: Actor, on db: any Database) async throws {
        guard [.reviewer, .admin].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Seule l’instruction attribue les dossiers.")
        }
        var name = "personne"
        if let reviewerID {
            guard let user = try await User.find(reviewerID, on: db), user.role == .reviewer, user.active,
                Principal(userID: reviewerID.uuidString, role: user.role, scope: user.scope).covers(region: application.regionCode)
            else {
                throw FundError(
                    .invalid, "instructeur_inconnu", "Choisissez un instructeur de la région du dossier.",
                    fields: ["instructeur": "Instructeur inconnu."])
            }
            name = user.displayName
        }
        let inCharge = name
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            var previous = "personne"
            if let id = application.assignedTo.flatMap(UUID.init(uuidString:)) {
                previous = try await User.find(id, on: db)?.displayName ?? "compte supprimé"
            }
            let before = ["instructeur": previous]
            application.assignedTo = reviewerID?.uuidString
            try await application.save(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "attribution", from: nil, to: nil,
                reason: "Instructeur en charge : \(inCharge)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.attribution", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before, after: ["instructeur": inCharge], on: db)
        }
    }

    /// The staff's internal notes on a file (10 000 characters at most).
    public static func saveNotes(_ application: FundApplication, _ notes: String, by actor: Actor, on db: any Database) async throws {
        guard FundAccess.seesReview(actor.principal) else {
            throw FundError(.forbidden, "role_interdit", "Votre rôle ne permet pas d’annoter les dossiers.")
        }
        let text = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 10_000 else {
            throw FundError(
                .invalid, "notes_trop_longues", "Les notes dépassent 10 000 caractères.", fields: ["notes": "10 000 caractères au plus."])
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            let before = ["notes": application.internalNotes ?? ""]
            application.internalNotes = text.isEmpty ? nil : text
            try await application.save(on: db)
            try await AuditLog.record(
                "dossier.notes_internes", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before, after: ["notes": application.internalNotes ?? ""], on: db)
        }
    }
}
