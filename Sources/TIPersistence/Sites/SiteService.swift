import FluentKit
import Foundation
import TIDomain

/// Records turnkey sites (admins).
public enum SiteService {
    @discardableResult
    public static func create(_ content: SiteContent, by actor: AuditLog.Actor, principal: Principal, on db: any Database) async throws
        -> UUID
    {
        guard principal.role == .admin else {
            throw FundError(.forbidden, "site_interdit", "Seule l’administration nationale enregistre les sites clés en main.")
        }
        var problems = content.problems()
        if try await Commune.find(content.commune.rawValue, on: db) == nil {
            problems["commune"] = "Aucune commune ne porte le code INSEE \(content.commune.rawValue)."
        }
        guard problems.isEmpty else { throw FundError(.invalid, "site_invalide", "Le site comporte des erreurs.", fields: problems) }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            let record = SiteRecord(content)
            try await record.create(on: db)
            try await AuditLog.record(
                "site.creation", by: actor, object: "site", id: record.id!.uuidString,
                after: ["nom": content.name, "commune": content.commune.rawValue, "vague": content.wave.rawValue], on: db)
            return record.id!
        }
    }
}
