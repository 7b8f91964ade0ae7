import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Deposit and review: what must hold before a file is deposited, its reference, the reviewer's opinions and proposal.
extension FundService {
    // MARK: Submission

    /// Refuses, field by field, what would stop the deposit; says nothing when it can go through.
    /// The deposit page runs it before asking for the sworn statement; `submit` runs it again.
    public static func checkSubmittable(_ application: FundApplication, by actor: Actor, on db: any Database) async throws {
        let action: ApplicationAction = application.state == .informationRequested ? .resubmit : .submit
        _ = try check(action, application, actor)
        let call = try await application.$call.get(on: db)
        var problems = application.content.problems(collaborativeCall: call.collaborative)
        if application.communeCode != nil, application.regionCode == nil {
            problems["commune"] = "Le code INSEE « \(application.communeCode!) » ne correspond à aucune commune."
        }
        guard problems.isEmpty else {
            throw FundError(
                .invalid, "dossier_incomplet",
                "Le dossier est incomplet : \(problems.count) point\(problems.count > 1 ? "s" : "") à corriger.", fields: problems)
        }
        if action == .submit {
            guard call.rules.isOpen(on: actor.today) else {
                throw FundError(
                    .conflict, "appel_clos",
                    "L’appel est clos depuis le \(call.rules.closesOn.french) : le dossier ne peut plus être déposé.")
            }
            let rules = call.rules
            if !rules.regions.isEmpty, let region = application.regionCode, !rules.regions.contains(region) {
                throw FundError(
                    .invalid, "region_hors_appel", "Le site du projet n’est pas dans une région de cet appel.",
                    fields: ["commune": "Région hors de l’appel."])
            }
        }
    }

    /// The ceiling line of the eligibility checks: the requested aid (or, once proposed, the
    /// proposed aid) with what the undertaking already received under the call's regime.
    public static func ceilingCheck(_ application: FundApplication, on db: any Database) async throws -> EligibilityCheck? {
        guard let regime = try await AidRegimeRecord.find(application.regimeID, on: db)?.regime else { return nil }
        let asked = application.proposedStateCents != nil ? application.proposedTotal : application.content.requestedAid
        return Eligibility.ceiling(requested: asked, alreadyGranted: try await alreadyGranted(application, on: db), regime: regime)
    }

    public static func submit(_ application: FundApplication, by actor: Actor, on db: any Database) async throws -> [Notification] {
        let action: ApplicationAction = application.state == .informationRequested ? .resubmit : .submit
        let target = try check(action, application, actor)
        try await checkSubmittable(application, by: actor, on: db)
        return try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let before = application.auditSnapshot
            if application.reference == nil {
                application.reference = try await nextReference(year: actor.today.year, region: application.regionCode ?? "00", on: db)
                application.submittedOn = actor.today.iso
                application.refreshSearchText()
            }
            let from = application.state
            application.state = target
            application.infoReason = nil
            application.infoMessage = nil
            try await application.save(on: db)
            try await record(action, application, from: from, reason: nil, actor: actor, before: before, on: db)
            if action == .resubmit {
                return try await notifyReviewers(
                    application, "Le dossier \(application.reference!) a été complété et renvoyé à l’instruction.", at: actor.at, on: db)
            }
            return try await notifyApplicants(
                application, "Votre dossier \(application.reference!) « \(application.displayName) » a bien été déposé.", at: actor.at,
                on: db)
        }
    }

    static func nextReference(year: Int, region: String, on db: any Database) async throws -> String {
        let prefix = "FA-\(year)-\(region)-"
        return ApplicationReference.make(year: year, region: region, sequence: try await ReferenceSequence.next(prefix, on: db))
    }

    // MARK: Review

    public struct Review: Sendable {
        public var technicalOpinion: String
        public var financialOpinion: String
        public var eligibleInvestment: EuroCents
        public var proposedState: EuroCents
        public var proposedRegion: EuroCents
        public var overrides: [String: String]
        public init(
            technicalOpinion: String, financialOpinion: String, eligibleInvestment: EuroCents, proposedState: EuroCents,
            proposedRegion: EuroCents, overrides: [String: String]
        ) {
            self.technicalOpinion = technicalOpinion
            self.financialOpinion = financialOpinion
            self.eligibleInvestment = eligibleInvestment
            self.proposedState = proposedState
            self.proposedRegion = proposedRegion
            self.overrides = overrides
        }
    }

    /// Records the reviewer's opinions and proposal; refuses a proposal above the aid ceiling.
    public static func recordReview(_ application: FundApplication, _ review: Review, by actor: Actor, on db: any Database) async throws {
        guard [.reviewer, .admin].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Seule l’instruction peut enregistrer un avis.")
        }
        guard application.state == .underReview else {
            throw FundError(.conflict, "hors_instruction", "Le dossier n’est pas en instruction (état : \(application.state.label)).")
        }
        var fields: [String: String] = [:]
        if review.technicalOpinion.trimmingCharacters(in: .whitespacesAndNewlines).count < 10 {
            fields["avis_technique"] = "Rédigez l’avis technique (10 caractères au moins)."
        }
        if review.financialOpinion.trimmingCharacters(in: .whitespacesAndNewlines).count < 10 {
            fields["avis_financier"] = "Rédigez l’avis financier (10 caractères au moins)."
        }
        if review.eligibleInvestment <= .zero { fields["investissement_eligible"] = "Indiquez l’investissement éligible." }
        if review.eligibleInvestment > EuroCents(cents: application.investmentTotalCents) {
            fields["investissement_eligible"] =
                "L’investissement éligible dépasse l’investissement prévu (\(EuroCents(cents: application.investmentTotalCents).formatted))."
        }
        let envelopes = try await EnvelopeLedger.envelopes(call: application.$call.id, region: application.regionCode ?? "", on: db)
        // No aid proposed is an unfavourable opinion: nothing to split.
        if review.proposedState + review.proposedRegion != .zero {
            do {
                try AidSplit.check(
                    state: review.proposedState, region: review.proposedRegion,
                    oneForOne: envelopes[.region]?.oneForOne ?? false, regionFunds: envelopes[.region] != nil)
            } catch { fields["aide_proposee"] = error.message }
        }
        if let requested = application.requestedAidCents, (review.proposedState + review.proposedRegion).cents > requested {
            fields["aide_proposee"] =
                "L’aide proposée (\((review.proposedState + review.proposedRegion).formatted)) dépasse l’aide demandée (\(EuroCents(cents: requested).formatted))."
        }
        if review.proposedState + review.proposedRegion > review.eligibleInvestment, review.eligibleInvestment > .zero {
            fields["aide_proposee"] = "L’aide proposée dépasse l’investissement éligible."
        }
        for (id, reason) in review.overrides where reason.trimmingCharacters(in: .whitespaces).count < 10 {
            fields["derogation_\(id)"] = "Justifiez la dérogation (10 caractères au moins)."
        }
        guard fields.isEmpty else {
            throw FundError(.invalid, "avis_invalide", "L’avis d’instruction comporte des erreurs.", fields: fields)
        }
        try await checkCeiling(application, proposed: review.proposedState + review.proposedRegion, on: db)
        try await db.writeTransaction { db in
            try await WriteTransaction.touch(application: application.id!, on: db)
            let before = application.auditSnapshot
            application.technicalOpinion = review.technicalOpinion
            application.financialOpinion = review.financialOpinion
            application.eligibleInvestmentCents = review.eligibleInvestment.cents
            application.proposedStateCents = review.proposedState.cents
            application.proposedRegionCents = review.proposedRegion.cents
            application.eligibilityOverrides = review.overrides.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
            try await application.save(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "avis_instruction", from: nil, to: nil,
                reason: "Aide proposée \(application.proposedTotal.formatted)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.avis", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before, after: application.auditSnapshot, on: db)
        }
    }

    /// Aid already granted to the same undertaking (SIREN) under the same regime, other
    /// applications; summed by the database (a large undertaking may hold thousands of awarded
    /// files). Without a SIREN the undertaking is unknown: nothing is counted.
    static func alreadyGranted(_ application: FundApplication, on db: any Database) async throws -> EuroCents {
        guard let siren = application.siren else { return .zero }
        let laureateStates = ApplicationState.allCases.filter(\.isLaureate).map(\.rawValue)
        let row = try await (db as! any SQLDatabase).raw(
            """
            SELECT CAST(COALESCE(SUM(aid_state_cents + aid_region_cents), 0) AS BIGINT) AS total FROM applications
            WHERE siren = \(bind: siren) AND regime_id = \(bind: application.regimeID)
              AND state IN (\(binds: laureateStates)) AND id <> \(bind: application.id!)
            """
        ).first()
        return EuroCents(cents: try row?.decode(column: "total", as: Int64.self) ?? 0)
    }

    static func checkCeiling(_ application: FundApplication, proposed: EuroCents, on db: any Database) async throws {
        guard let regime = try await AidRegimeRecord.find(application.regimeID, on: db)?.regime else { return }
        let granted = try await alreadyGranted(application, on: db)
        do {
            try StateAidCeiling.check(alreadyGranted: granted, proposed: proposed, regime: regime)
        } catch {
            throw FundError(.conflict, error.code, error.message, fields: ["aide_proposee": error.message])
        }
    }
}
