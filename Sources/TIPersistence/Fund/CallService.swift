import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Creating and editing calls (admins).
public enum CallService {
    public struct Draft: Sendable {
        public var title: String, description: String, opensOn: String, closesOn: String
        public var carriers: [String], sizes: [String], regions: String
        public var minimumInvestment: String, startWithinMonths: String, regimeID: String, collaborative: Bool

        public init(
            title: String, description: String, opensOn: String, closesOn: String, carriers: [String], sizes: [String],
            regions: String, minimumInvestment: String, startWithinMonths: String, regimeID: String, collaborative: Bool
        ) {
            self.title = title
            self.description = description
            self.opensOn = opensOn
            self.closesOn = closesOn
            self.carriers = carriers
            self.sizes = sizes
            self.regions = regions
            self.minimumInvestment = minimumInvestment
            self.startWithinMonths = startWithinMonths
            self.regimeID = regimeID
            self.collaborative = collaborative
        }

        public init(_ call: FundCall) {
            self.init(
                title: call.title, description: call.description, opensOn: call.opensOn, closesOn: call.closesOn,
                carriers: call.carriers.split(separator: ",").map(String.init), sizes: call.sizes.split(separator: ",").map(String.init),
                regions: call.regions,
                minimumInvestment: EuroCents(cents: call.minInvestmentCents).formatted.replacingOccurrences(of: " €", with: ""),
                startWithinMonths: String(call.startWithinMonths), regimeID: call.$regime.id, collaborative: call.collaborative)
        }
    }

    /// Validates a draft; field → French message.
    public static func validate(_ draft: Draft, on db: any Database) async throws -> (CallRules?, [String: String]) {
        var errors: [String: String] = [:]
        let title = draft.title.trimmingCharacters(in: .whitespaces).count
        if title < 5 { errors["titre"] = "Donnez un titre (5 caractères au moins)." }
        if title > 200 { errors["titre"] = "Le titre est trop long : 200 caractères au plus (\(title) saisis)." }
        let description = draft.description.trimmingCharacters(in: .whitespaces).count
        if description < 20 { errors["description"] = "Décrivez l’appel (20 caractères au moins)." }
        if description > 5_000 {
            errors["description"] = "La description est trop longue : 5 000 caractères au plus (\(description) saisis)."
        }
        var opens: CivilDate?
        var closes: CivilDate?
        do { opens = try CivilDate(parsing: draft.opensOn) } catch { errors["ouverture"] = error.message }
        do { closes = try CivilDate(parsing: draft.closesOn) } catch { errors["cloture"] = error.message }
        if let o = opens, let c = closes, c < o { errors["cloture"] = "La clôture précède l’ouverture." }
        let carriers = Set(draft.carriers.compactMap(CarrierKind.init(rawValue:)))
        if carriers.isEmpty { errors["porteurs"] = "Choisissez au moins un type de porteur." }
        let sizes = Set(draft.sizes.compactMap(CompanySize.init(rawValue:)))
        if sizes.isEmpty { errors["tailles"] = "Choisissez au moins une taille d’entreprise." }
        var minimum = EuroCents.zero
        do { minimum = try EuroCents(parsingEuros: draft.minimumInvestment.isEmpty ? "0" : draft.minimumInvestment) } catch {
            errors["investissement_minimum"] = error.message
        }
        let months = Int(draft.startWithinMonths) ?? 0
        if !(1...36).contains(months) { errors["demarrage"] = "Indiquez un délai de démarrage entre 1 et 36 mois." }
        let regions = Set(draft.regions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        for code in regions where try await Region.find(code, on: db) == nil { errors["regions"] = "La région « \(code) » n’existe pas." }
        if try await AidRegimeRecord.find(draft.regimeID, on: db) == nil { errors["regime"] = "Choisissez un régime d’aides." }
        guard errors.isEmpty, let opens, let closes else { return (nil, errors) }
        return (
            CallRules(
                opensOn: opens, closesOn: closes, carriers: carriers, sizes: sizes, minimumInvestment: minimum,
                startWithinMonths: months, regions: regions, collaborative: draft.collaborative), [:]
        )
    }

    public static func save(_ draft: Draft, existing: FundCall?, actor: AuditLog.Actor, on db: any Database) async throws -> FundCall {
        let (rules, errors) = try await validate(draft, on: db)
        guard let rules else { throw FundError(.invalid, "appel_invalide", "L’appel comporte des erreurs.", fields: errors) }
        let call = existing ?? FundCall()
        let before = existing?.snapshot
        let wasCollaborative = existing?.collaborative
        call.title = draft.title.trimmingCharacters(in: .whitespaces)
        call.description = draft.description.trimmingCharacters(in: .whitespaces)
        call.$regime.id = draft.regimeID
        call.apply(rules)
        try await db.writeTransaction { db in
            try await call.save(on: db)
            // What figures read of a call is dated, so that an edit counts from its own day on.
            if wasCollaborative != call.collaborative {
                try await (db as! any SQLDatabase).insert(into: "call_history").columns("id", "call_id", "at_epoch", "collaborative")
                    .values(SQLBind(UUID()), SQLBind(call.id!), SQLBind(actor.at.timeIntervalSince1970), SQLBind(call.collaborative)).run()
            }
            try await AuditLog.record(
                existing == nil ? "appel.creation" : "appel.modification", by: actor, object: "appel",
                id: call.id!.uuidString, before: before, after: call.snapshot, on: db)
        }
        return call
    }

    /// Creates or updates an aid regime (its label and ceiling per undertaking), audited.
    public static func saveRegime(id: String, label: String, ceiling: EuroCents, actor: AuditLog.Actor, on db: any Database) async throws {
        let existing = try await AidRegimeRecord.find(id, on: db)
        let regime = existing ?? AidRegimeRecord(id: id, label: label, ceiling: ceiling)
        let before = existing.map { ["libelle": $0.label, "plafond_centimes": String($0.ceilingCents)] }
        regime.label = label
        regime.ceilingCents = ceiling.cents
        try await db.writeTransaction { db in
            try await regime.save(on: db)
            try await AuditLog.record(
                existing == nil ? "regime.creation" : "regime.modification", by: actor, object: "regime", id: id,
                before: before, after: ["libelle": label, "plafond_centimes": String(ceiling.cents)], on: db)
        }
    }
}
