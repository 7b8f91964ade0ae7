import FluentKit
import Foundation
import TIDomain

/// The partners and instruments admins add beyond those the report names (migration 009).
public enum FinancingCatalogue {
    /// What an admin types: a partner, or an instrument of a partner.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        /// A partner's kind (`FunderKind`) or an instrument's unit (`CommitmentUnit`).
        public var kindOrUnit: String
        /// An instrument's partner (nil: the entry is a partner).
        public var partner: String?

        public init(code: String, name: String, kindOrUnit: String, partner: String? = nil) {
            self.code = code
            self.name = name
            self.kindOrUnit = kindOrUnit
            self.partner = partner
        }
    }

    /// Adds a partner (`entry.partner` nil) or an instrument; problems by field otherwise.
    public static func add(_ entry: Entry, by actor: AuditLog.Actor, principal: Principal, on db: any Database) async throws {
        guard principal.role == .admin else {
            throw FundError(.forbidden, "catalogue_interdit", "Seule l’administration nationale ajoute des partenaires et des instruments.")
        }
        var problems: [String: String] = [:]
        let code = entry.code.trimmingCharacters(in: .whitespaces).lowercased()
        let name = entry.name.trimmingCharacters(in: .whitespaces)
        if code.count < 2 || code.count > 40 || !code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            problems["code"] = "Le code tient en 2 à 40 caractères : lettres minuscules sans accent, chiffres et tirets."
        }
        if name.isEmpty || name.count > 160 { problems["nom"] = "Indiquez un nom (160 caractères au plus)." }
        let isPartner = entry.partner == nil
        if isPartner {
            if FunderKind(rawValue: entry.kindOrUnit) == nil { problems["genre"] = "Choisissez : État, opérateur ou Régions." }
            if problems["code"] == nil, try await PartnerRecord.find(code, on: db) != nil {
                problems["code"] = "Le partenaire « \(code) » existe déjà."
            }
        } else {
            if CommitmentUnit(rawValue: entry.kindOrUnit) == nil { problems["unite"] = "Choisissez l’unité des engagements." }
            if try await PartnerRecord.find(entry.partner ?? "", on: db) == nil { problems["partenaire"] = "Choisissez le partenaire." }
            if problems["code"] == nil, try await InstrumentRecord.find(code, on: db) != nil {
                problems["code"] = "L’instrument « \(code) » existe déjà."
            }
        }
        guard problems.isEmpty else {
            throw FundError(
                .invalid, "catalogue_invalide", isPartner ? "Le partenaire comporte des erreurs." : "L’instrument comporte des erreurs.",
                fields: problems)
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            if isPartner {
                let p = PartnerRecord()
                p.id = code
                p.name = name
                p.kind = entry.kindOrUnit
                try await p.create(on: db)
            } else {
                let i = InstrumentRecord()
                i.id = code
                i.partnerCode = entry.partner ?? ""
                i.name = name
                i.unit = entry.kindOrUnit
                i.fromFund = false
                try await i.create(on: db)
            }
            try await AuditLog.record(
                isPartner ? "partenaire.creation" : "instrument.creation", by: actor, object: isPartner ? "partenaire" : "instrument",
                id: code, after: ["nom": name, "genre_ou_unite": entry.kindOrUnit, "partenaire": entry.partner ?? ""], on: db)
        }
    }

    /// The partners, by name (for the instrument form).
    public static func partners(on db: any Database) async throws -> [(code: String, name: String)] {
        try await PartnerRecord.query(on: db).sort(\.$name).all().compactMap { p in p.id.map { ($0, p.name) } }
    }
}
