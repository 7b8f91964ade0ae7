import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// After the decision: the agreement, payments, recoveries, the payment schedule and the follow-up.
extension FundService {
    // MARK: After the decision

    public static func signAgreement(
        _ application: FundApplication, reference: String, date: CivilDate, by actor: Actor,
        on db: any Database
    ) async throws -> [Notification] {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        guard (3...60).contains(ref.count) else {
            throw FundError(
                .invalid, "reference_convention", "Indiquez la référence de la convention.",
                fields: ["reference": "Indiquez la référence de la convention."])
        }
        application.agreementReference = ref
        application.agreementOn = date.iso
        return try await perform(.signAgreement, on: application, reason: "Convention \(ref) du \(date.french)", by: actor, on: db)
    }

    /// Records a payment made; cannot exceed the aid granted by that funder. The first one moves
    /// the application to "payments in progress".
    /// Whose payments a role records: the préfecture the State's share, the Région its own,
    /// the administrator either (corrections).
    public static func funders(for role: Role) -> [Envelope.Funder] {
        switch role {
        case .prefecture: [.state]
        case .region: [.region]
        case .admin: [.state, .region]
        default: []
        }
    }

    static func checkFunder(_ funder: Envelope.Funder, _ actor: Actor) throws {
        guard funders(for: actor.role).contains(funder) else {
            throw FundError(
                .forbidden, "autre_financeur",
                "Vous ne pouvez enregistrer que les versements de votre partie (\(funders(for: actor.role).map(\.label).joined(separator: ", "))).",
                fields: ["financeur": "Part d’un autre financeur."])
        }
    }

    public static func recordPayment(
        _ application: FundApplication, funder: Envelope.Funder, amount: EuroCents, paidOn: CivilDate,
        reference: String?, by actor: Actor, on db: any Database
    ) async throws -> [Notification] {
        guard [.admin, .region, .prefecture].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Votre rôle ne permet pas d’enregistrer un versement.")
        }
        try checkFunder(funder, actor)
        guard [.agreementSigned, .paymentsInProgress].contains(application.state) else {
            throw FundError(
                .conflict, "convention_requise", "Les versements suivent la signature de la convention (état : \(application.state.label))."
            )
        }
        guard amount > .zero else {
            throw FundError(
                .invalid, "montant_invalide", "Indiquez un montant positif.", fields: ["montant": "Indiquez un montant positif."])
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let granted = funder == .state ? application.aidStateCents : application.aidRegionCents
            let lines = try await Payment.query(on: db).filter(\.$application.$id == application.id!).filter(\.$funder == funder).all()
            let planned = lines.filter { $0.paidOn == nil }.sorted { ($0.dueOn ?? "") < ($1.dueOn ?? "") }.first {
                $0.amountCents == amount.cents
            }
            let paid = lines.filter { $0.paidOn != nil }.reduce(Int64(0)) { $0 + $1.amountCents }
            guard paid + amount.cents <= granted else {
                throw FundError(
                    .conflict, "versement_excessif",
                    "Ce versement porterait les versements de \(funder.label) à \(EuroCents(cents: paid + amount.cents).formatted), au-delà de l’aide accordée (\(EuroCents(cents: granted).formatted)).",
                    fields: ["montant": "Au-delà de l’aide accordée."])
            }
            let envelopes = try await EnvelopeLedger.envelopes(call: application.$call.id, region: application.regionCode ?? "", on: db)
            if let envelope = envelopes[funder] {
                try await EnvelopeLedger.pay(envelope, amount.cents, application: application.id!, actor: actor.audit, on: db)
            }
            let payment = planned ?? Payment()
            payment.$application.id = application.id!
            payment.funder = funder
            payment.amountCents = amount.cents
            payment.paidOn = paidOn.iso
            payment.reference = reference
            try await payment.save(on: db)
            let before = application.auditSnapshot
            let from = application.state
            if from == .agreementSigned {
                application.state = .paymentsInProgress
                try await application.save(on: db)
            }
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "versement", from: from,
                to: application.state, reason: "\(funder.label) : \(amount.formatted) le \(paidOn.french)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.versement", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before,
                after: application.auditSnapshot.merging(["versement_\(funder.rawValue)_centimes": String(amount.cents)]) { $1 }, on: db)
            try await WebhookOutbox.stateChanged(application, from: from, action: "versement", at: actor.at, on: db)
            try await WebhookOutbox.paid(
                application, kind: "versement", funder: funder.rawValue, amountCents: amount.cents, on: paidOn.iso, at: actor.at, on: db)
            return try await notifyApplicants(
                application,
                "Un versement de \(amount.formatted) (\(funder.label)) a été effectué sur votre dossier \(application.reference ?? "").",
                at: actor.at, on: db)
        }
    }

    /// Recovers (reversement) part or all of what a funder paid, with a reason: the aid granted,
    /// the envelope's commitment and its payments shrink by the amount, at `date`; audited.
    public static func recordRecovery(
        _ application: FundApplication, funder: Envelope.Funder, amount: EuroCents, on date: CivilDate,
        reason: String, by actor: Actor, on db: any Database
    ) async throws -> [Notification] {
        guard [.admin, .region, .prefecture].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Votre rôle ne permet pas de demander un reversement.")
        }
        try checkFunder(funder, actor)
        guard [.paymentsInProgress, .closed].contains(application.state) else {
            throw FundError(
                .conflict, "reversement_sans_versement", "Un reversement suit un versement (état : \(application.state.label)).")
        }
        let motive = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard motive.count >= 10 else {
            throw FundError(
                .invalid, "motif_requis", "Indiquez le motif du reversement (10 caractères au moins).",
                fields: ["motif": "Indiquez le motif."])
        }
        guard amount > .zero else {
            throw FundError(
                .invalid, "montant_invalide", "Indiquez un montant positif.", fields: ["montant": "Indiquez un montant positif."])
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let lines = try await Payment.query(on: db).filter(\.$application.$id == application.id!).filter(\.$funder == funder).all()
            let paid = lines.filter { $0.paidOn != nil }.reduce(Int64(0)) { $0 +| $1.amountCents }
            guard amount.cents <= paid else {
                throw FundError(
                    .conflict, "reversement_excessif",
                    "Le reversement (\(amount.formatted)) dépasse ce que \(funder.label) a versé (\(EuroCents(cents: paid).formatted)).",
                    fields: ["montant": "Au-delà des versements."])
            }
            let envelopes = try await EnvelopeLedger.envelopes(call: application.$call.id, region: application.regionCode ?? "", on: db)
            if let envelope = envelopes[funder] {
                try await EnvelopeLedger.recover(
                    envelope, amount.cents, application: application.id!, actor: actor.audit, note: motive, on: db)
            }
            let line = Payment()
            line.$application.id = application.id!
            line.funder = funder
            line.amountCents = -amount.cents
            line.paidOn = date.iso
            line.reference = "Reversement"
            try await line.save(on: db)
            let before = application.auditSnapshot
            if funder == .state { application.aidStateCents -= amount.cents } else { application.aidRegionCents -= amount.cents }
            try await application.save(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "reversement", from: nil, to: nil,
                reason: "\(funder.label) : \(amount.formatted) le \(date.french) — \(motive)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.reversement", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before,
                after: application.auditSnapshot.merging(["reversement_\(funder.rawValue)_centimes": String(amount.cents), "motif": motive])
                { $1 }, on: db)
            try await WebhookOutbox.paid(
                application, kind: "reversement", funder: funder.rawValue, amountCents: -amount.cents, on: date.iso, at: actor.at, on: db)
            return try await notifyApplicants(
                application,
                "Un reversement de \(amount.formatted) (\(funder.label)) est demandé sur votre dossier \(application.reference ?? "") : \(motive)",
                at: actor.at, on: db)
        }
    }

    /// Plans an instalment; planned instalments of a funder never exceed the aid it granted.
    public static func schedulePayment(
        _ application: FundApplication, funder: Envelope.Funder, amount: EuroCents, dueOn: CivilDate,
        by actor: Actor, on db: any Database
    ) async throws {
        guard [.admin, .region, .prefecture].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Votre rôle ne permet pas de planifier un versement.")
        }
        try checkFunder(funder, actor)
        guard [.laureate, .agreementSigned, .paymentsInProgress].contains(application.state) else {
            throw FundError(
                .conflict, "echeancier_laureat",
                "L’échéancier concerne un lauréat dont le dossier n’est pas clos (état : \(application.state.label)).")
        }
        guard amount > .zero else {
            throw FundError(
                .invalid, "montant_invalide", "Indiquez un montant positif.", fields: ["montant_prevu": "Indiquez un montant positif."])
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let granted = funder == .state ? application.aidStateCents : application.aidRegionCents
            let lines = try await Payment.query(on: db).filter(\.$application.$id == application.id!).filter(\.$funder == funder).all()
            // Planned and paid lines together: every euro appears once (a paid line may have settled a planned one).
            let total = lines.reduce(Int64(0)) { $0 + $1.amountCents }
            guard total + amount.cents <= granted else {
                throw FundError(
                    .conflict, "echeancier_excessif",
                    "L’échéancier de \(funder.label) atteindrait \(EuroCents(cents: total + amount.cents).formatted), au-delà de l’aide accordée (\(EuroCents(cents: granted).formatted)).",
                    fields: ["montant_prevu": "Au-delà de l’aide accordée."])
            }
            let p = Payment()
            p.$application.id = application.id!
            p.funder = funder
            p.amountCents = amount.cents
            p.dueOn = dueOn.iso
            try await p.create(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "echeance", from: nil, to: nil,
                reason: "\(funder.label) : \(amount.formatted) prévu le \(dueOn.french)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.echeance", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["financeur": funder.rawValue, "montant_centimes": String(amount.cents), "echeance": dueOn.iso], on: db)
        }
    }

    /// Records a follow-up; figures far beyond the plan (`FollowUpCheck`) need `confirmed`.
    public static func recordFollowUp(
        _ application: FundApplication, on date: CivilDate, jobsCreated: Int, investment: EuroCents,
        comment: String?, confirmed: Bool = false, by actor: Actor, on db: any Database
    ) async throws {
        guard application.state.isLaureate else {
            throw FundError(.conflict, "suivi_laureat", "Le suivi concerne les lauréats (état : \(application.state.label)).")
        }
        guard jobsCreated >= 0, investment.cents >= 0 else {
            throw FundError(.invalid, "suivi_invalide", "Les emplois et l’investissement réalisés ne peuvent pas être négatifs.")
        }
        if !confirmed,
            let unusual = FollowUpCheck.unusual(
                jobs: jobsCreated, plannedJobs: application.jobsCreated, investment: investment,
                plannedInvestment: EuroCents(cents: application.investmentTotalCents))
        {
            throw FundError(
                .invalid, "confirmation_requise", unusual + " Vérifiez les chiffres, puis confirmez-les.",
                fields: ["confirme": "Cochez la confirmation si ces chiffres sont exacts."])
        }
        try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let f = FollowUp()
            f.$application.id = application.id!
            f.onDate = date.iso
            f.jobsCreated = jobsCreated
            f.investmentCents = investment.cents
            f.comment = comment
            f.recordedBy = actor.principal.userID
            f.recordedOn = actor.today.iso
            try await f.create(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "suivi", from: nil, to: nil,
                reason: "Au \(date.french) : \(jobsCreated) emplois créés, \(investment.formatted) investis"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.suivi", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["date": date.iso, "emplois_crees": String(jobsCreated), "investissement_centimes": String(investment.cents)], on: db
            )
        }
    }
}
