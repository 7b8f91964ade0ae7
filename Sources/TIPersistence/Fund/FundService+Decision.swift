import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// The state machine's transitions and the two-key decision (State and Région), with the envelope commitments.
extension FundService {
    // MARK: Transitions

    /// Moves an application by an action that needs no more than a reason.
    public static func perform(
        _ action: ApplicationAction, on application: FundApplication, reason: String?, by actor: Actor,
        on db: any Database
    ) async throws -> [Notification] {
        let target = try check(action, application, actor)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        switch action {
        case .requestInformation:
            guard let reason, reason.count >= 10 else {
                throw FundError(
                    .invalid, "motif_requis", "Expliquez ce qui manque (10 caractères au moins).",
                    fields: ["message": "Expliquez ce qui manque."])
            }
        case .completeReview:
            guard application.technicalOpinion != nil, application.financialOpinion != nil, application.proposedStateCents != nil else {
                throw FundError(.conflict, "avis_manquant", "Enregistrez d’abord l’avis technique et financier et la proposition d’aide.")
            }
            let call = try await application.$call.get(on: db)
            let checks = Eligibility.checks(
                application.content, rules: call.rules, submittedOn: application.submittedOn.flatMap { try? CivilDate(parsing: $0) },
                regionCode: application.regionCode, today: actor.today)
            // An unfavourable opinion (no aid proposed) needs no derogation: nothing is granted.
            let unfavourable = application.proposedTotal == .zero
            let unexplained = unfavourable ? [] : checks.filter { !$0.passed && application.eligibilityOverrides[$0.id] == nil }
            guard unexplained.isEmpty else {
                throw FundError(
                    .conflict, "eligibilite",
                    "Critère\(unexplained.count > 1 ? "s" : "") d’éligibilité non rempli\(unexplained.count > 1 ? "s" : "") sans dérogation motivée : \(unexplained.map(\.label).joined(separator: ", "))."
                )
            }
        case .withdraw, .reopen, .declareInadmissible:
            guard let reason, reason.count >= 10 else {
                throw FundError(
                    .invalid, "motif_requis", "Indiquez le motif (10 caractères au moins).", fields: ["motif": "Indiquez le motif."])
            }
        default: break
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let before = application.auditSnapshot
            let from = application.state
            if action == .reopen, from == .laureate {
                try await releaseCommitment(application, actor: actor, reason: reason ?? "", on: db)
            }
            if action == .reopen {
                application.stateFavourable = nil
                application.stateMotivation = nil
                application.stateDecidedBy = nil
                application.regionFavourable = nil
                application.regionMotivation = nil
                application.regionDecidedBy = nil
                application.decidedOn = nil
            }
            if action == .requestInformation {
                application.infoReason = InformationReason.incomplete.rawValue
                application.infoMessage = reason
            }
            application.state = target
            try await application.save(on: db)
            try await record(action, application, from: from, reason: reason, actor: actor, before: before, on: db)
            let ref = application.reference ?? "brouillon"
            switch action {
            case .requestInformation:
                return try await notifyApplicants(
                    application, "Des compléments sont demandés sur votre dossier \(ref) : \(reason ?? "")", at: actor.at, on: db)
            case .withdraw where actor.role == .applicant:
                return try await notifyReviewers(application, "Le dossier \(ref) a été retiré par le porteur.", at: actor.at, on: db)
            default:
                return try await notifyApplicants(
                    application, "Votre dossier \(ref) est désormais « \(target.label) ».", at: actor.at, on: db)
            }
        }
    }

    /// Sets the information-request reason (incomplete, incorrect, outdated) then moves the application.
    public static func requestInformation(
        _ application: FundApplication, reason: InformationReason, message: String, by actor: Actor,
        on db: any Database
    ) async throws -> [Notification] {
        let notifications = try await perform(.requestInformation, on: application, reason: message, by: actor, on: db)
        application.infoReason = reason.rawValue
        try await application.save(on: db)
        return notifications
    }

    static func check(_ action: ApplicationAction, _ application: FundApplication, _ actor: Actor) throws -> ApplicationState {
        do { return try ApplicationWorkflow.check(action, from: application.state, by: actor.role) } catch {
            throw FundError(error.code == "role_interdit" ? .forbidden : .conflict, error.code, error.message)
        }
    }

    static func record(
        _ action: ApplicationAction, _ application: FundApplication, from: ApplicationState, reason: String?,
        actor: Actor, before: [String: String], on db: any Database
    ) async throws {
        try await ApplicationEvent(
            applicationID: application.id!, actor: actor.audit, action: action.rawValue,
            from: from, to: application.state, reason: reason
        ).create(on: db)
        var after = application.auditSnapshot
        if let reason, !reason.isEmpty { after["motif"] = reason }
        try await AuditLog.record(
            "dossier.\(action.rawValue)", by: actor.audit, object: "dossier", id: application.id!.uuidString,
            before: before, after: after, on: db)
        try await WebhookOutbox.stateChanged(application, from: from, action: action.rawValue, at: actor.at, on: db)
    }

    // MARK: Two-key decision

    /// Records one party's decision. The second favourable one commits the aid against the
    /// région's State and Région envelopes atomically; if either is short, nothing changes.
    public static func decide(
        _ applicationID: UUID, favourable: Bool, motivation motivationText: String, by actor: Actor,
        on db: any Database
    ) async throws -> (FundApplication, [Notification]) {
        guard let party = DecisionParty.of(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Seules la préfecture de région et la Région enregistrent une décision.")
        }
        let motivation: String
        do { motivation = try TwoKeyDecision.validateMotivation(motivationText) } catch {
            throw FundError(.invalid, error.code, error.message, fields: ["motivation": error.message])
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: applicationID, on: db)
            let sql = db as! any SQLDatabase
            let column = party == .state ? "state" : "region"
            // Record this key first, atomically: it only applies while in committee and not yet decided by this party.
            let updated = try await sql.raw(
                """
                UPDATE applications SET \(unsafeRaw: column)_favourable = \(bind: favourable),
                    \(unsafeRaw: column)_motivation = \(bind: motivation), \(unsafeRaw: column)_decided_by = \(bind: actor.principal.userID)
                WHERE id = \(bind: applicationID) AND state = 'in_committee' AND \(unsafeRaw: column)_favourable IS NULL
                RETURNING id
                """
            ).all()
            guard let application = try await FundApplication.find(applicationID, on: db) else {
                throw FundError(.notFound, "introuvable", "Ce dossier n’existe pas.")
            }
            guard updated.count == 1 else {
                if application.state != .inCommittee {
                    throw FundError(.conflict, "hors_comite", "Le dossier n’est pas en comité (état : \(application.state.label)).")
                }
                throw FundError(.conflict, "deja_decide", "\(party.label) a déjà rendu sa décision sur ce dossier.")
            }
            var before = application.auditSnapshot
            before[party == .state ? "avis_etat" : "avis_region"] = nil
            var notifications: [Notification] = []
            let outcome = TwoKeyDecision.outcome(state: application.decision(of: .state), region: application.decision(of: .region))
            let from = application.state
            switch outcome {
            case .pending:
                break
            case .laureate:
                let state = application.proposedStateCents ?? 0
                let region = application.proposedRegionCents ?? 0
                // One decision at a time per undertaking (SIREN): the aid already granted is read
                // under the lock, so two parallel decisions cannot both pass the ceiling.
                try await SerialLock.acquire("ceiling:\(application.siren ?? "-")", on: db)
                try await checkCeiling(application, proposed: EuroCents(cents: state) + EuroCents(cents: region), on: db)
                let envelopes = try await EnvelopeLedger.envelopes(call: application.$call.id, region: application.regionCode ?? "", on: db)
                guard let stateEnvelope = envelopes[.state] else {
                    throw FundError(
                        .conflict, "enveloppe_absente", "Aucune enveloppe de l’État n’est ouverte pour cette région dans cet appel.")
                }
                try await EnvelopeLedger.commit(stateEnvelope, state, application: applicationID, actor: actor.audit, on: db)
                if region > 0 {
                    guard let regionEnvelope = envelopes[.region] else {
                        throw FundError(.conflict, "enveloppe_absente", "Aucune enveloppe de la Région n’est ouverte pour cet appel.")
                    }
                    try await EnvelopeLedger.commit(regionEnvelope, region, application: applicationID, actor: actor.audit, on: db)
                }
                application.aidStateCents = state
                application.aidRegionCents = region
                application.state = .laureate
                application.decidedOn = actor.today.iso
            case .rejected:
                application.state = .rejected
                application.decidedOn = actor.today.iso
            }
            try await application.save(on: db)
            try await ApplicationEvent(
                applicationID: applicationID, actor: actor.audit,
                action: "decision_\(column)", from: nil, to: nil,
                reason: "\(favourable ? "Favorable" : "Défavorable") — \(motivation)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.decision_\(column)", by: actor.audit, object: "dossier", id: applicationID.uuidString,
                before: before, after: application.auditSnapshot, on: db)
            try await WebhookOutbox.decided(application, party: column, favourable: favourable, at: actor.at, on: db)
            if application.state != from {
                let action: ApplicationAction = application.state == .laureate ? .decideLaureate : .decideRejected
                try await ApplicationEvent(
                    applicationID: applicationID, actor: actor.audit, action: action.rawValue,
                    from: from, to: application.state, reason: nil
                ).create(on: db)
                try await WebhookOutbox.stateChanged(application, from: from, action: action.rawValue, at: actor.at, on: db)
                notifications = try await notifyApplicants(
                    application,
                    application.state == .laureate
                        ? "Votre projet \(application.reference ?? "") est lauréat du fonds d’accélération : \(application.aidTotal.formatted) d’aide."
                        : "Votre dossier \(application.reference ?? "") n’a pas été retenu. Consultez le courrier de décision.",
                    at: actor.at, on: db)
            }
            return (application, notifications)
        }
        // `motivationText` is the raw input; see the wrapper below.
    }

    static func releaseCommitment(_ application: FundApplication, actor: Actor, reason: String, on db: any Database) async throws {
        let envelopes = try await EnvelopeLedger.envelopes(call: application.$call.id, region: application.regionCode ?? "", on: db)
        if let e = envelopes[.state] {
            try await EnvelopeLedger.release(
                e, application.aidStateCents, application: application.id!, actor: actor.audit, note: reason, on: db)
        }
        if let e = envelopes[.region] {
            try await EnvelopeLedger.release(
                e, application.aidRegionCents, application: application.id!, actor: actor.audit, note: reason, on: db)
        }
        application.aidStateCents = 0
        application.aidRegionCents = 0
    }
}
