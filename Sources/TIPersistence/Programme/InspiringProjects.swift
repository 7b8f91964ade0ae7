import FluentKit
import Foundation
import TIDomain

/// Inspiring projects: reads as plain values, and the writes (each with its audit event).
public enum InspiringProjects {
    public struct Project: Sendable, Equatable {
        public var id: UUID
        public var content: InspiringProjectContent
        public var territoryName: String
        public var status: InspiringStatus
        public var reviewReason: String?
        public var hasImage: Bool
        /// The laureate's id when its reference is known (for a link).
        public var laureateID: UUID?
        /// The action of the plan it comes from, when validated (for a link).
        public var actionID: UUID?
        public var actionTitle: String?
        /// The turnkey site it stands on (for a link).
        public var siteName: String?

        public init(
            id: UUID, content: InspiringProjectContent, territoryName: String, status: InspiringStatus, reviewReason: String? = nil,
            hasImage: Bool = false, laureateID: UUID? = nil
        ) {
            self.id = id
            self.content = content
            self.territoryName = territoryName
            self.status = status
            self.reviewReason = reviewReason
            self.hasImage = hasImage
            self.laureateID = laureateID
        }
    }

    /// Published projects (and, with `alsoPending`, those awaiting review), by priority then title.
    public static func list(alsoPending: Bool, on db: any Database) async throws -> [Project] {
        var q = InspiringProjectRecord.query(on: db)
        if !alsoPending { q = q.filter(\.$status == .published) }
        return try await projects(try await q.all(), on: db)
            .sorted { ($0.content.axis.rawValue, $0.content.title) < ($1.content.axis.rawValue, $1.content.title) }
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> Project? {
        try await projects(try await InspiringProjectRecord.query(on: db).filter(\.$id == id).all(), on: db).first
    }

    /// Where its image is kept, and its type.
    public static func image(_ id: UUID, on db: any Database) async throws -> (key: String, type: String)? {
        guard let r = try await InspiringProjectRecord.find(id, on: db), let key = r.imageKey, let type = r.imageType else { return nil }
        return (key, type)
    }

    static func projects(_ records: [InspiringProjectRecord], on db: any Database) async throws -> [Project] {
        let names = Dictionary(try await Territory.query(on: db).all().compactMap { t in t.id.map { ($0, t.name) } }) { first, _ in first }
        let refs = records.compactMap(\.laureateReference)
        let laureates = Dictionary(
            refs.isEmpty
                ? []
                : try await FundApplication.query(on: db).filter(\.$reference ~~ refs).all().compactMap { a in
                    a.reference.flatMap { ref in a.id.map { (ref, $0) } }
                }
        ) { first, _ in first }
        // The linked actions and sites, each read once for the whole list.
        let linkedTerritories = Set(records.filter { $0.actionReference != nil }.map(\.territoryID))
        let actions =
            linkedTerritories.isEmpty
            ? [] : try await ActionRecord.query(on: db).filter(\.$territoryID ~~ Array(linkedTerritories)).all()
        let sites = records.contains { $0.siteID != nil } ? try await SiteQueries.all(on: db) : []
        return records.compactMap { r in
            guard let id = r.id, let c = r.content else { return nil }
            var p = Project(
                id: id, content: c, territoryName: names[r.territoryID] ?? r.territoryID, status: r.status, reviewReason: r.reviewReason,
                hasImage: r.imageKey != nil, laureateID: c.laureateReference.flatMap { laureates[$0] })
            let key = c.actionReference?.trimmingCharacters(in: .whitespaces).lowercased()
            if let key, let action = actions.first(where: { $0.territoryID == r.territoryID && $0.content.referenceKey == key }),
                action.validation == .validated
            {
                p.actionID = action.id
                p.actionTitle = "\(action.reference) — \(action.title)"
            }
            p.siteName = c.site.flatMap { s in sites.first { $0.id == s }?.content.name }
            return p
        }
    }

    /// The action of a TI's plan by its reference (without regard to case).
    static func action(_ reference: String, in territory: TerritoryID, on db: any Database) async throws -> ActionRecord? {
        let key = reference.trimmingCharacters(in: .whitespaces).lowercased()
        return try await ActionRecord.query(on: db).filter(\.$territoryID == territory.rawValue).all()
            .first { $0.content.referenceKey == key }
    }

    /// A new project (`id` nil) or new values for project `id` (its picture kept unless a new one
    /// comes), from a territory, a Région or an admin; either way it awaits an admin's review.
    @discardableResult
    public static func create(
        _ content: InspiringProjectContent, id: UUID? = nil, regions: [String], image: (key: String, type: String)?,
        by actor: AuditLog.Actor, principal: Principal, on db: any Database
    ) async throws -> UUID {
        guard InspiringAccess.mayEdit(principal, territory: content.territory, regions: regions) else {
            throw FundError(.forbidden, "projet_interdit", "Ce territoire ne relève pas de votre périmètre.")
        }
        var problems = content.problems()
        if let ref = content.actionReference, !ref.isEmpty, try await action(ref, in: content.territory, on: db) == nil {
            problems["action"] = "Le plan de ce territoire n’a pas d’action « \(ref.prefix(40)) »."
        }
        if let site = content.site, try await SiteRecord.find(site, on: db) == nil { problems["site"] = "Ce site n’existe pas." }
        guard problems.isEmpty else { throw FundError(.invalid, "projet_invalide", "Le projet comporte des erreurs.", fields: problems) }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            var existing: InspiringProjectRecord?
            if let id {
                existing = try await InspiringProjectRecord.find(id, on: db)
                guard let existing else { throw FundError(.notFound, "projet_inconnu", "Ce projet n’existe pas.") }
                existing.content = content
                existing.status = .pending
                existing.reviewReason = nil
            }
            let record = existing ?? InspiringProjectRecord(content, at: actor.at)
            if let image {
                record.imageKey = image.key
                record.imageType = image.type
            }
            try await record.save(on: db)
            try await AuditLog.record(
                existing == nil ? "projet_inspirant.creation" : "projet_inspirant.modification", by: actor, object: "projet_inspirant",
                id: record.id!.uuidString,
                after: ["titre": content.title, "territoire": content.territory.rawValue], on: db)
            return record.id!
        }
    }

    /// An admin publishes the project, or returns it with a reason.
    public static func review(
        _ id: UUID, publish: Bool, reason: String?, by actor: AuditLog.Actor, principal: Principal, on db: any Database
    )
        async throws
    {
        guard InspiringAccess.mayPublish(principal) else {
            throw FundError(.forbidden, "publication_interdite", "Seule l’administration nationale publie les projets inspirants.")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !publish, reason.isEmpty {
            throw FundError(.invalid, "motif_requis", "Dites ce qui manque.", fields: ["motif": "Indiquez le motif du renvoi."])
        }
        if reason.count > 2_000 {
            throw FundError(.invalid, "motif_trop_long", "2 000 caractères au plus.", fields: ["motif": "2 000 caractères au plus."])
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard let record = try await InspiringProjectRecord.find(id, on: db) else {
                throw FundError(.notFound, "projet_inconnu", "Ce projet n’existe pas.")
            }
            record.status = publish ? .published : .returned
            record.reviewReason = publish ? nil : reason
            try await record.save(on: db)
            try await AuditLog.record(
                publish ? "projet_inspirant.publication" : "projet_inspirant.renvoi", by: actor, object: "projet_inspirant",
                id: id.uuidString, after: ["statut": record.status.rawValue], on: db)
        }
    }
}
