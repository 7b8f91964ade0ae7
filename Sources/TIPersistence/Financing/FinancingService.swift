import FluentKit
import Foundation
import TIDomain

/// Records the partners' commitments (admins today; an operator role for its own organisation is to come).
public enum FinancingService {
    @discardableResult
    public static func record(
        _ content: CommitmentContent, by actor: AuditLog.Actor, principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> UUID {
        guard principal.role == .admin else {
            throw FundError(
                .forbidden, "engagement_interdit", "Seule l’administration nationale enregistre les engagements des partenaires.")
        }
        let instrument = try await FinancingQueries.instruments(on: db).first { $0.code == content.instrument }
        var problems = content.problems(unit: instrument?.unit, today: today)
        if instrument?.fromFund == true {
            problems["instrument"] = "Le fonds d’accélération se compte à partir de ses enveloppes : il ne se saisit pas."
        }
        guard problems.isEmpty else {
            throw FundError(.invalid, "engagement_invalide", "L’engagement comporte des erreurs.", fields: problems)
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            let record = CommitmentRecord(content, by: actor)
            try await record.create(on: db)
            try await AuditLog.record(
                "engagement.creation", by: actor, object: "engagement", id: record.id!.uuidString,
                after: [
                    "instrument": content.instrument, "date": content.on.iso,
                    "montant_centimes": content.amount.map { String($0.cents) } ?? "",
                    "quantite": content.quantity.map(String.init) ?? "",
                ], on: db)
            return record.id!
        }
    }
}
