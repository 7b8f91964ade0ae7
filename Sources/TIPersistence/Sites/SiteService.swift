import FluentKit
import Foundation
import TIDomain

/// Records and edits turnkey sites (admins).
public enum SiteService {
    /// Creates the site (`id` nil) or replaces the values of site `id`; `laureate` is the reference
    /// of a fund laureate that settled there (empty: none).
    @discardableResult
    public static func save(
        _ content: SiteContent, id: UUID? = nil, laureate: String? = nil, by actor: AuditLog.Actor, principal: Principal,
        on db: any Database
    ) async throws -> UUID {
        guard principal.role == .admin else {
            throw FundError(.forbidden, "site_interdit", "Seule l’administration nationale enregistre les sites clés en main.")
        }
        var problems = content.problems()
        if try await Commune.find(content.commune.rawValue, on: db) == nil {
            problems["commune"] = "Aucune commune ne porte le code INSEE \(content.commune.rawValue)."
        }
        var laureateID: UUID?
        if let reference = laureate?.trimmingCharacters(in: .whitespaces), !reference.isEmpty {
            let found = try await FundApplication.query(on: db).filter(\.$reference == reference).first()
            if let found, found.state.isLaureate {
                laureateID = found.id
            } else {
                problems["laureat"] = "Aucun lauréat du fonds ne porte la référence « \(reference.prefix(40)) »."
            }
        }
        guard problems.isEmpty else { throw FundError(.invalid, "site_invalide", "Le site comporte des erreurs.", fields: problems) }
        let settledLaureate = laureateID
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            var existing: SiteRecord?
            if let id {
                existing = try await SiteRecord.find(id, on: db)
                if existing == nil { throw FundError(.notFound, "site_inconnu", "Ce site n’existe pas.") }
            }
            let record = existing ?? SiteRecord(content)
            record.content = content
            record.laureateID = settledLaureate
            try await record.save(on: db)
            try await AuditLog.record(
                existing == nil ? "site.creation" : "site.modification", by: actor, object: "site", id: try record.requireID().uuidString,
                after: ["nom": content.name, "commune": content.commune.rawValue, "vague": content.wave.rawValue], on: db)
            return try record.requireID()
        }
    }

    /// The reference of the laureate a site shows (for its edit form).
    public static func laureateReference(_ id: UUID?, on db: any Database) async throws -> String? {
        guard let id else { return nil }
        return try await FundApplication.find(id, on: db)?.reference
    }
}
