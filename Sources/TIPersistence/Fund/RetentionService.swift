import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Deletes the attachments and personal data of files closed without aid once `RetentionPolicy`
/// says their time is up (`ti purge`). The file stays, with its state, amounts and history, so that
/// the figures stay true at every date; what goes: its attachments (rows here, files by the
/// caller once committed), the messages' text and authors' names, the description, the partners,
/// the notes, the information request, the public summary, the link to the applicant's account,
/// and its notifications. Each file is purged in its own transaction, with an event in its history
/// and an entry in the audit log; a purged file is not listed again.
public enum RetentionService {
    public static let purgeAction = "purge_conservation"
    static let erasedMessage = "Message supprimé : durée de conservation échue."

    public struct Candidate: Sendable, Equatable {
        public var id: UUID
        public var reference: String
        public var state: ApplicationState
        public var closedOn: CivilDate
        public var dueOn: CivilDate
        public var attachments: Int
        public var attachmentBytes: Int
        public var messages: Int
    }

    /// Files whose data may be deleted today, not purged yet, oldest closure first.
    public static func due(_ policy: RetentionPolicy, today: CivilDate, on db: any Database) async throws -> [Candidate] {
        let closed = try await FundApplication.query(on: db).filter(\.$state ~~ RetentionPolicy.states).all()
        guard !closed.isEmpty else { return [] }
        let ids = closed.compactMap(\.id)
        let events = try await ApplicationEvent.query(on: db).filter(\.$application.$id ~~ ids).all()
        var closedAt: [UUID: Double] = [:]
        var purged = Set<UUID>()
        for e in events {
            let id = e.$application.id
            if e.action == purgeAction { purged.insert(id) }
            if let to = e.toState, RetentionPolicy.states.map(\.rawValue).contains(to) {
                closedAt[id] = max(closedAt[id] ?? 0, e.atEpoch)
            }
        }
        var candidates: [Candidate] = []
        for application in closed {
            guard let id = application.id, !purged.contains(id) else { continue }
            let closedOn =
                closedAt[id].map { CivilDate(parisDayOf: Date(timeIntervalSince1970: $0)) }
                ?? application.decidedOn.flatMap { try? CivilDate(parsing: $0) }
            guard let closedOn, policy.isDue(state: application.state, closedOn: closedOn, today: today) else { continue }
            candidates.append(
                Candidate(
                    id: id, reference: application.reference ?? "brouillon", state: application.state, closedOn: closedOn,
                    dueOn: policy.dueOn(closedOn: closedOn), attachments: 0, attachmentBytes: 0, messages: 0))
        }
        guard !candidates.isEmpty else { return [] }
        let attachments = try await Attachment.query(on: db).filter(\.$application.$id ~~ candidates.map(\.id)).all()
        let messages = try await ApplicationMessage.query(on: db).filter(\.$application.$id ~~ candidates.map(\.id)).all()
        for i in candidates.indices {
            let files = attachments.filter { $0.$application.id == candidates[i].id }
            candidates[i].attachments = files.count
            candidates[i].attachmentBytes = files.reduce(0) { $0 + $1.sizeBytes }
            candidates[i].messages = messages.filter { $0.$application.id == candidates[i].id }.count
        }
        return candidates.sorted { ($0.closedOn, $0.reference) < ($1.closedOn, $1.reference) }
    }

    /// Purges one file (checked again inside the transaction: still closed, not purged yet) and
    /// returns the storage keys of its attachments, to delete once committed; nil if it no longer qualifies.
    public static func purge(
        _ candidate: Candidate, policy: RetentionPolicy, by actor: AuditLog.Actor, on db: any Database
    ) async throws -> [String]? {
        try await db.writeTransaction { db in
            guard let application = try await FundApplication.find(candidate.id, on: db),
                RetentionPolicy.states.contains(application.state),
                try await ApplicationEvent.query(on: db).filter(\.$application.$id == candidate.id)
                    .filter(\.$action == purgeAction).count() == 0
            else { return nil }
            try await WriteTransaction.touch(application: candidate.id, on: db)
            let files = try await Attachment.query(on: db).filter(\.$application.$id == candidate.id).all()
            try await Attachment.query(on: db).filter(\.$application.$id == candidate.id).delete()
            let messages = try await ApplicationMessage.query(on: db).filter(\.$application.$id == candidate.id).all()
            for message in messages {
                message.body = erasedMessage
                message.authorName = "—"
                try await message.save(on: db)
            }
            try await Notification.query(on: db).filter(\.$applicationID == candidate.id).delete()
            application.description = nil
            application.partnersJSON = "[]"
            application.internalNotes = nil
            application.infoMessage = nil
            application.publicSummary = nil
            application.createdBy = nil
            try await application.save(on: db)
            let reason =
                "Pièces et données personnelles supprimées : \(policy.years) ans après la clôture du \(candidate.closedOn.french)."
            try await ApplicationEvent(
                applicationID: candidate.id, actor: actor, action: purgeAction, from: application.state, to: application.state,
                reason: reason
            ).create(on: db)
            try await AuditLog.record(
                "dossier.purge", by: actor, object: "dossier", id: candidate.id.uuidString,
                before: [
                    "pieces": String(files.count), "messages": String(messages.count), "cloture": candidate.closedOn.iso,
                ], after: ["conservation_ans": String(policy.years)], on: db)
            return files.map(\.storageKey)
        }
    }
}
