import FluentKit
import Foundation
import TIDomain

/// Editions of the report (admins): created at a date and scope, their editorial text edited
/// while they are drafts, then published once, which freezes the document and its figures.
public enum ReportEditionService {
    public static let maxText = 8_000

    static func requireAdmin(_ principal: Principal) throws {
        guard principal.role == .admin else {
            throw FundError(.forbidden, "edition_interdite", "Seule l’administration nationale gère les éditions du rapport.")
        }
    }

    static func json(_ editorial: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(editorial)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func create(
        title: String, asOf: String, region: String?, regions: Set<String>, by actor: AuditLog.Actor, principal: Principal,
        on db: any Database
    ) async throws -> UUID {
        try requireAdmin(principal)
        var problems: [String: String] = [:]
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems["titre"] = "Donnez un titre à l’édition."
        } else if title.count > 200 {
            problems["titre"] = "Le titre dépasse 200 caractères."
        }
        let date = try? CivilDate(parsing: asOf)
        if date == nil { problems["as_of"] = "Indiquez la date d’arrêté des chiffres (jj/mm/aaaa)." }
        let region = region.flatMap { $0.isEmpty ? nil : $0 }
        if let region, !regions.contains(region) { problems["region"] = "Cette région n’existe pas." }
        guard problems.isEmpty, let date else {
            throw FundError(.invalid, "edition_invalide", "L’édition comporte des erreurs.", fields: problems)
        }
        let e = ReportEdition()
        e.id = UUID()
        e.title = title
        e.asOf = date.iso
        e.regionCode = region
        e.editorialJSON = "{}"
        e.createdEpoch = actor.at.timeIntervalSince1970
        let id = e.id!
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await e.create(on: db)
            try await AuditLog.record(
                "rapport.edition", by: actor, object: "edition", id: id.uuidString, after: ["titre": title, "date": date.iso], on: db)
        }
        return id
    }

    /// Replaces the editorial text of a draft edition (section id → text; empty texts dropped).
    public static func saveEditorial(
        _ id: UUID, title: String, editorial: [String: String], by actor: AuditLog.Actor, principal: Principal, on db: any Database
    ) async throws {
        try requireAdmin(principal)
        var problems: [String: String] = [:]
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems["titre"] = "Donnez un titre à l’édition."
        } else if title.count > 200 {
            problems["titre"] = "Le titre dépasse 200 caractères."
        }
        var kept: [String: String] = [:]
        for (key, text) in editorial {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.count > maxText { problems["texte_\(key)"] = "Le texte dépasse \(FrenchNumber.grouped(maxText)) caractères." }
            if !t.isEmpty { kept[key] = t }
        }
        guard problems.isEmpty else { throw FundError(.invalid, "edition_invalide", "L’édition comporte des erreurs.", fields: problems) }
        let text = json(kept)
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard let e = try await ReportEdition.find(id, on: db) else {
                throw FundError(.notFound, "edition_inconnue", "Cette édition n’existe pas.")
            }
            guard e.publishedEpoch == nil else {
                throw FundError(.conflict, "edition_publiee", "Cette édition est publiée : son texte ne change plus.")
            }
            e.title = title
            e.editorialJSON = text
            try await e.save(on: db)
            try await AuditLog.record("rapport.texte", by: actor, object: "edition", id: id.uuidString, after: ["titre": title], on: db)
        }
    }

    /// Publishes a draft: the document and its figures as generated now are stored and never change.
    public static func publish(
        _ id: UUID, html: String, figures: String, by actor: AuditLog.Actor, principal: Principal, on db: any Database
    ) async throws {
        try requireAdmin(principal)
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard let e = try await ReportEdition.find(id, on: db) else {
                throw FundError(.notFound, "edition_inconnue", "Cette édition n’existe pas.")
            }
            guard e.publishedEpoch == nil else { throw FundError(.conflict, "edition_publiee", "Cette édition est déjà publiée.") }
            // Conditional: of two publications at once, the second changes nothing.
            try await ReportEdition.query(on: db).filter(\.$id == id).filter(\.$publishedEpoch == nil)
                .set(\.$publishedEpoch, to: actor.at.timeIntervalSince1970).set(\.$frozenHTML, to: html)
                .set(\.$frozenFigures, to: figures).update()
            try await AuditLog.record(
                "rapport.publication", by: actor, object: "edition", id: id.uuidString, after: ["date": e.asOf], on: db)
        }
    }
}
