import FluentKit
import Foundation
import TIDomain

/// Writes to the action plans: each in one transaction with its history row and its audit event.
public enum ActionService {
    /// Creates (`id` nil) or edits an action of `territory`; any edit asks the Région again.
    @discardableResult
    public static func save(
        _ content: ActionContent, extras: ActionExtras? = nil, id: UUID?, territory: TerritoryID, by actor: AuditLog.Actor,
        principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> UUID {
        guard ActionAccess.mayEdit(principal, territory: territory) else {
            throw FundError(.forbidden, "plan_interdit", "Seul le territoire modifie son plan d’actions.")
        }
        var problems = content.problems(today: today)
        if let laureates = extras?.laureates, !laureates.isEmpty {
            if laureates.count > ActionExtras.maxLaureates {
                problems["laureats"] = "Une action se lie à \(ActionExtras.maxLaureates) lauréats au plus."
            } else {
                let known = Set(try await FundApplication.query(on: db).filter(\.$reference ~~ laureates).all().compactMap(\.reference))
                if let unknown = laureates.first(where: { !known.contains($0) }) {
                    problems["laureats"] = "Aucun dossier du fonds ne porte la référence « \(unknown.prefix(40)) »."
                }
            }
        }
        if let sought = extras?.sought, !sought.isEmpty {
            let instruments = try await FinancingQueries.instruments(on: db)
            for s in sought {
                guard let i = instruments.first(where: { $0.code == s.instrument }), i.unit == .euros else {
                    problems["recherche"] = "Choisissez, pour chaque financement recherché, un instrument compté en euros."
                    continue
                }
                if s.amount <= .zero || s.amount > ActionContent.maxInvestment {
                    problems["recherche"] = "Chaque financement recherché est un montant positif, au plus 10 milliards d’euros."
                }
            }
        }
        guard problems.isEmpty else {
            throw FundError(.invalid, "action_invalide", "L’action comporte des erreurs.", fields: problems)
        }
        return try await db.writeTransaction { db in
            // The plans' figures are read live, not from the fund's figure cache.
            try await WriteTransaction.touchesNoFigure(on: db)
            let existing = try await id.asyncMap { try await ActionRecord.find($0, on: db) } ?? nil
            if let id, existing?.territoryID != territory.rawValue || existing == nil {
                throw FundError(.notFound, "action_inconnue", "L’action \(id) n’existe pas dans ce plan.")
            }
            let clash = try await ActionRecord.query(on: db).filter(\.$territoryID == territory.rawValue).all()
                .first { $0.content.referenceKey == content.referenceKey }
            if let clash, clash.id != existing?.id {
                throw FundError(
                    .conflict, "reference_prise", "La référence « \(content.reference) » est déjà celle d’une autre action du plan.",
                    fields: ["reference": "Déjà utilisée par « \(clash.title) »."])
            }
            let action = existing ?? ActionRecord(territory: territory, content: content, createdOn: today)
            action.content = content
            if let extras { action.extras = extras }
            action.validation = .pending
            action.validationReason = nil
            try await action.save(on: db)
            try await ActionHistoryEntry(action: action, event: existing == nil ? .creation : .modification, by: actor).create(on: db)
            try await AuditLog.record(
                existing == nil ? "action.creation" : "action.modification", by: actor, object: "action", id: action.id!.uuidString,
                after: ["territoire": territory.rawValue, "reference": action.reference], on: db)
            return action.id!
        }
    }

    /// The Région validates the action, or sends it back with a reason.
    public static func review(
        _ id: UUID, validate: Bool, reason: String?, regions: [String], by actor: AuditLog.Actor, principal: Principal,
        on db: any Database
    ) async throws {
        guard ActionAccess.mayReview(principal, regions: regions) else {
            throw FundError(.forbidden, "validation_interdite", "Seule la Région du territoire valide ses actions.")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !validate, reason.isEmpty {
            throw FundError(
                .invalid, "motif_requis", "Dites au territoire ce qui manque.", fields: ["motif": "Indiquez le motif du renvoi."])
        }
        if reason.count > ActionContent.maxDescription {
            throw FundError(
                .invalid, "motif_trop_long", "Le motif tient en 5 000 caractères.", fields: ["motif": "5 000 caractères au plus."])
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            guard let action = try await ActionRecord.find(id, on: db) else {
                throw FundError(.notFound, "action_inconnue", "Cette action n’existe pas.")
            }
            action.validation = validate ? .validated : .returned
            action.validationReason = validate ? nil : reason
            try await action.save(on: db)
            try await ActionHistoryEntry(
                action: action, event: validate ? .validation : .renvoi, reason: action.validationReason, by: actor
            )
            .create(on: db)
            try await AuditLog.record(
                validate ? "action.validation" : "action.renvoi", by: actor, object: "action", id: id.uuidString,
                after: ["validation": action.validation.rawValue], on: db)
        }
    }

    /// What an import changed.
    public struct ImportSummary: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0

        public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
            (self.created, self.updated, self.unchanged) = (created, updated, unchanged)
        }
    }

    /// A plan from its CSV file: all or nothing; actions matched by reference; an action the file
    /// leaves as it is stays as it is (validation included), so importing twice changes nothing.
    public static func importPlan(
        _ text: String, territory: TerritoryID, by actor: AuditLog.Actor, principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> ImportSummary {
        guard ActionAccess.mayEdit(principal, territory: territory) else {
            throw FundError(.forbidden, "plan_interdit", "Seul le territoire importe son plan d’actions.")
        }
        let file: DelimitedText
        do { file = try DelimitedText(parsing: text) } catch { throw ImportRejected([ImportIssue(line: 1, message: error.message)]) }
        let actions = try ActionPlanCSV.validate(file, today: today).get()
        return try await db.writeTransaction { db in
            // The plans' figures are read live, not from the fund's figure cache.
            try await WriteTransaction.touchesNoFigure(on: db)
            let existing = Dictionary(
                try await ActionRecord.query(on: db).filter(\.$territoryID == territory.rawValue).all().map {
                    ($0.content.referenceKey, $0)
                }
            ) { first, _ in first }
            var summary = ImportSummary()
            for content in actions {
                let current = existing[content.referenceKey]
                if let current, current.content == content.normalised {
                    summary.unchanged += 1
                    continue
                }
                let action = current ?? ActionRecord(territory: territory, content: content, createdOn: today)
                action.content = content
                action.validation = .pending
                action.validationReason = nil
                try await action.save(on: db)
                try await ActionHistoryEntry(action: action, event: .imported, by: actor).create(on: db)
                if current == nil { summary.created += 1 } else { summary.updated += 1 }
            }
            try await AuditLog.record(
                "plan.import", by: actor, object: "territoire", id: territory.rawValue,
                after: ["creees": String(summary.created), "modifiees": String(summary.updated), "inchangees": String(summary.unchanged)],
                on: db)
            return summary
        }
    }
}

extension Optional {
    fileprivate func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
