import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Every change to an envelope's committed or paid amount: conditional updates checked by the
/// rows they return, so that concurrent decisions can never commit more than the envelope holds,
/// on SQLite as on PostgreSQL. Call inside `WriteTransaction.run`.
public enum EnvelopeLedger {
    /// The envelopes of a call in a région.
    public static func envelopes(call: UUID, region: String, on db: any Database) async throws -> [Envelope.Funder: Envelope] {
        let rows = try await Envelope.query(on: db).filter(\.$call.$id == call).filter(\.$region.$id == region).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.funder, $0) })
    }

    /// Commits an amount; refuses with the shortfall when the envelope cannot hold it.
    static func commit(_ envelope: Envelope, _ amount: Int64, application: UUID, actor: AuditLog.Actor, on db: any Database) async throws {
        guard amount > 0 else { return }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE envelopes SET committed_cents = committed_cents + \(bind: amount)
            WHERE id = \(bind: envelope.id!) AND committed_cents + \(bind: amount) <= amount_cents
            RETURNING id
            """
        ).all()
        guard rows.count == 1 else {
            let fresh = try await Envelope.find(envelope.id, on: db)!
            let shortfall = EuroCents(cents: amount - (fresh.amountCents - fresh.committedCents))
            throw FundError(
                .conflict, "enveloppe_insuffisante",
                "Enveloppe \(fresh.funder.label) insuffisante : il reste \(fresh.remaining.formatted) pour engager \(EuroCents(cents: amount).formatted) (manque \(shortfall.formatted)). Rien n’a été enregistré."
            )
        }
        try await EnvelopeMovement(
            envelopeID: envelope.id!, kind: .commitment, amount: amount, applicationID: application, actorID: actor.id,
            at: actor.at.timeIntervalSince1970
        ).create(on: db)
    }

    /// Releases a commitment (a reopened decision).
    static func release(_ envelope: Envelope, _ amount: Int64, application: UUID, actor: AuditLog.Actor, note: String, on db: any Database)
        async throws
    {
        guard amount > 0 else { return }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE envelopes SET committed_cents = committed_cents - \(bind: amount)
            WHERE id = \(bind: envelope.id!) AND committed_cents - \(bind: amount) >= paid_cents
            RETURNING id
            """
        ).all()
        guard rows.count == 1 else {
            throw FundError(
                .conflict, "degagement_impossible",
                "Impossible de dégager \(EuroCents(cents: amount).formatted) : des versements ont déjà été faits sur cet engagement.")
        }
        try await EnvelopeMovement(
            envelopeID: envelope.id!, kind: .release, amount: -amount, applicationID: application, actorID: actor.id, note: note,
            at: actor.at.timeIntervalSince1970
        ).create(on: db)
    }

    /// Records a payment against what is committed.
    static func pay(_ envelope: Envelope, _ amount: Int64, application: UUID, actor: AuditLog.Actor, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE envelopes SET paid_cents = paid_cents + \(bind: amount)
            WHERE id = \(bind: envelope.id!) AND paid_cents + \(bind: amount) <= committed_cents
            RETURNING id
            """
        ).all()
        guard rows.count == 1 else {
            throw FundError(.conflict, "versement_excessif", "Ce versement dépasserait le montant engagé sur l’enveloppe.")
        }
        try await EnvelopeMovement(
            envelopeID: envelope.id!, kind: .payment, amount: amount, applicationID: application, actorID: actor.id,
            at: actor.at.timeIntervalSince1970
        ).create(on: db)
    }

    /// A recovery (reversement): what was paid and committed both shrink by the amount, which
    /// becomes available again.
    static func recover(_ envelope: Envelope, _ amount: Int64, application: UUID, actor: AuditLog.Actor, note: String, on db: any Database)
        async throws
    {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            UPDATE envelopes SET paid_cents = paid_cents - \(bind: amount), committed_cents = committed_cents - \(bind: amount)
            WHERE id = \(bind: envelope.id!) AND paid_cents >= \(bind: amount)
            RETURNING id
            """
        ).all()
        guard rows.count == 1 else {
            throw FundError(.conflict, "reversement_excessif", "Le reversement dépasse ce qui a été versé sur l’enveloppe.")
        }
        try await EnvelopeMovement(
            envelopeID: envelope.id!, kind: .recovery, amount: -amount, applicationID: application, actorID: actor.id, note: note,
            at: actor.at.timeIntervalSince1970
        ).create(on: db)
    }

    /// Increases an envelope (reinforcements); an envelope is never decreased below what is committed.
    public static func setAmount(_ envelopeID: UUID, to amount: EuroCents, actor: AuditLog.Actor, on db: any Database) async throws {
        try await db.writeTransaction { db in
            guard let envelope = try await Envelope.find(envelopeID, on: db) else {
                throw FundError(.notFound, "introuvable", "Cette enveloppe n’existe pas.")
            }
            let delta = amount.cents - envelope.amountCents
            guard delta != 0 else { return }
            guard delta > 0 else {
                throw FundError(
                    .invalid, "enveloppe_diminuee",
                    "Une enveloppe ne peut qu’être augmentée (montant actuel \(EuroCents(cents: envelope.amountCents).formatted)).")
            }
            let sql = db as! any SQLDatabase
            _ = try await sql.raw(
                "UPDATE envelopes SET amount_cents = amount_cents + \(bind: delta) WHERE id = \(bind: envelopeID) RETURNING id"
            ).all()
            try await EnvelopeMovement(
                envelopeID: envelopeID, kind: .increase, amount: delta, actorID: actor.id, at: actor.at.timeIntervalSince1970
            ).create(on: db)
            try await AuditLog.record(
                "enveloppe.abondement", by: actor, object: "enveloppe", id: envelopeID.uuidString,
                before: ["montant_centimes": String(envelope.amountCents)],
                after: ["montant_centimes": String(amount.cents)], on: db)
        }
    }

    /// Creates a call's envelope for a région and funder.
    public static func create(
        call: UUID, region: String, funder: Envelope.Funder, amount: EuroCents, oneForOne: Bool,
        actor: AuditLog.Actor, on db: any Database
    ) async throws -> Envelope {
        guard amount.cents >= 0 else { throw FundError(.invalid, "montant_negatif", "Le montant d’une enveloppe ne peut être négatif.") }
        if try await Envelope.query(on: db).filter(\.$call.$id == call).filter(\.$region.$id == region).filter(\.$funder == funder).count()
            > 0
        {
            throw FundError(.conflict, "enveloppe_existante", "Cette enveloppe existe déjà : augmentez-la plutôt.")
        }
        let envelope = Envelope(callID: call, region: region, funder: funder, amount: amount, oneForOne: oneForOne)
        try await db.writeTransaction { db in
            try await envelope.create(on: db)
            try await EnvelopeMovement(
                envelopeID: envelope.id!, kind: .initial, amount: amount.cents, actorID: actor.id, at: actor.at.timeIntervalSince1970
            ).create(on: db)
            try await AuditLog.record(
                "enveloppe.creation", by: actor, object: "enveloppe", id: envelope.id!.uuidString,
                after: [
                    "appel": call.uuidString, "region": region, "financeur": funder.rawValue,
                    "montant_centimes": String(amount.cents), "un_pour_un": oneForOne ? "oui" : "non",
                ], on: db)
        }
        return envelope
    }
}
