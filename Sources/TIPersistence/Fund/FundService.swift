import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// Every operation on an application. Each one checks the state machine and the actor's role,
/// writes in one transaction (history event, audit event, notifications) and returns the
/// notifications to e-mail. Scope (which applications an actor may see) is checked by callers
/// with `FundAccess`.
public enum FundService {
    public struct Actor: Sendable {
        public var principal: Principal
        public var name: String
        /// The instant of the action: events, messages and attachments are stamped with it,
        /// and date rules (call open, 12-month window) read `today` from it.
        public var at: Date
        public init(principal: Principal, name: String, at: Date) {
            self.principal = principal
            self.name = name
            self.at = at
        }
        public var today: CivilDate { CivilDate(parisDayOf: at) }
        var epoch: Double { at.timeIntervalSince1970 }
        var audit: AuditLog.Actor { AuditLog.Actor(id: principal.userID, role: principal.role.rawValue, at: at) }
        public var role: Role { principal.role }
    }

    // MARK: Drafts

    public static func createDraft(call: FundCall, by actor: Actor, on db: any Database) async throws -> FundApplication {
        guard actor.role == .applicant, let siren = actor.principal.scope.organisation else {
            throw FundError(.forbidden, "role_interdit", "Seul un porteur de projet peut créer un dossier.")
        }
        guard call.rules.isOpen(on: actor.today) else {
            throw FundError(
                .conflict, "appel_clos",
                "Cet appel n’est pas ouvert aux candidatures (du \(call.rules.opensOn.french) au \(call.rules.closesOn.french)).")
        }
        let application = FundApplication(
            callID: call.id!, regimeID: call.$regime.id, organisation: siren.rawValue,
            createdBy: UUID(uuidString: actor.principal.userID))
        var content = ApplicationContent()
        content.siren = siren.rawValue
        application.content = content
        try await db.writeTransaction { db in
            try await application.create(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "creation", from: nil, to: .draft, reason: nil
            ).create(on: db)
            try await AuditLog.record(
                "dossier.creation", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: application.auditSnapshot, on: db)
        }
        return application
    }

    /// Saves the applicant's content (as often as they like), resolving the site's location.
    public static func save(_ application: FundApplication, content: ApplicationContent, by actor: Actor, on db: any Database) async throws
    {
        guard actor.role == .applicant, application.state.isEditableByApplicant else {
            throw FundError(.conflict, "non_modifiable", "Ce dossier n’est plus modifiable (état : \(application.state.label)).")
        }
        var content = content
        content.siren = application.organisationSiren  // the organisation is the account's
        let before = application.content.auditFields
        application.content = content
        try await resolveLocation(application, on: db)
        application.refreshSearchText()
        try await db.writeTransaction { db in
            try await application.save(on: db)
            // After the deposit, every change of content is in the audit log, before → after.
            guard application.reference != nil else { return }
            let after = application.content.auditFields
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            guard !changed.isEmpty else { return }
            try await AuditLog.record(
                "dossier.modification", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before.filter { changed.contains($0.key) }, after: after.filter { changed.contains($0.key) }, on: db)
        }
    }

    /// Stores an attachment's record (the file is already in the storage), with its audit event.
    public static func attach(
        _ application: FundApplication, filename: String, contentType: String, sizeBytes: Int, storageKey: String,
        document: String?, messageID: UUID?, by actor: Actor, on db: any Database
    ) async throws {
        let attachment = Attachment()
        attachment.$application.id = application.id!
        attachment.messageID = messageID
        attachment.document = document
        attachment.filename = filename
        attachment.contentType = contentType
        attachment.sizeBytes = sizeBytes
        attachment.storageKey = storageKey
        attachment.uploadedBy = actor.principal.userID
        attachment.atEpoch = actor.epoch
        try await db.writeTransaction { db in
            try await attachment.create(on: db)
            try await AuditLog.record(
                "dossier.piece_jointe", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["fichier": filename, "octets": String(sizeBytes), "piece": document ?? "avec un message"], on: db)
        }
    }

    /// Region, département, EPCI, TI and zonings of the site, from its commune code.
    static func resolveLocation(_ application: FundApplication, on db: any Database) async throws {
        application.regionCode = nil
        application.departementCode = nil
        application.epciSiren = nil
        application.territoryID = nil
        application.fragile = false
        application.zonings = ""
        guard let raw = application.communeCode, let code = InseeCode(raw),
            let place = try await CommuneResolver.resolve(code, on: db)
        else { return }
        application.communeCode = place.commune.code
        application.regionCode = place.region.code
        application.departementCode = place.departement.code
        application.epciSiren = place.epci?.siren
        application.territoryID = place.territories.first?.id
        application.fragile = place.fragile
        application.zonings = place.zonings.map(\.rawValue).joined(separator: ",")
    }

    /// Deletes a draft that was never deposited, with what hangs on it; returns the storage keys of
    /// its files, to remove once the transaction is committed.
    public static func deleteDraft(_ application: FundApplication, by actor: Actor, on db: any Database) async throws -> [String] {
        guard actor.role == .applicant, application.state == .draft, application.reference == nil else {
            throw FundError(
                .conflict, "non_supprimable", "Seul un brouillon jamais déposé peut être supprimé (état : \(application.state.label)).")
        }
        let id = try application.requireID()
        return try await db.writeTransaction { db in
            let files = try await Attachment.query(on: db).filter(\.$application.$id == id).all()
            try await Attachment.query(on: db).filter(\.$application.$id == id).delete()
            try await ApplicationMessage.query(on: db).filter(\.$application.$id == id).delete()
            try await ApplicationEvent.query(on: db).filter(\.$application.$id == id).delete()
            try await Notification.query(on: db).filter(\.$applicationID == id).delete()
            try await application.delete(on: db)
            try await AuditLog.record(
                "dossier.suppression_brouillon", by: actor.audit, object: "dossier", id: id.uuidString,
                before: ["titre": application.displayName, "etat": application.state.rawValue], after: nil, on: db)
            return files.map(\.storageKey)
        }
    }

    // MARK: Following a file (staff)

    /// Names the reviewer in charge (nil: nobody); the reviewer must cover the file's région.
    public static func assign(_ application: FundApplication, to reviewerID: UUID?, by actor: Actor, on db: any Database) async throws {
        guard [.reviewer, .admin].contains(actor.role) else {
            throw FundError(.forbidden, "role_interdit", "Seule l’instruction attribue les dossiers.")
        }
        var name = "personne"
        if let reviewerID {
            guard let user = try await User.find(reviewerID, on: db), user.role == .reviewer, user.active,
                Principal(userID: reviewerID.uuidString, role: user.role, scope: user.scope).covers(region: application.regionCode)
            else {
                throw FundError(
                    .invalid, "instructeur_inconnu", "Choisissez un instructeur de la région du dossier.",
                    fields: ["instructeur": "Instructeur inconnu."])
            }
            name = user.displayName
        }
        let inCharge = name
        try await db.writeTransaction { db in
            var previous = "personne"
            if let id = application.assignedTo.flatMap(UUID.init(uuidString:)) {
                previous = try await User.find(id, on: db)?.displayName ?? "compte supprimé"
            }
            let before = ["instructeur": previous]
            application.assignedTo = reviewerID?.uuidString
            try await application.save(on: db)
            try await ApplicationEvent(
                applicationID: application.id!, actor: actor.audit, action: "attribution", from: nil, to: nil,
                reason: "Instructeur en charge : \(inCharge)"
            ).create(on: db)
            try await AuditLog.record(
                "dossier.attribution", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before, after: ["instructeur": inCharge], on: db)
        }
    }

    /// The staff's internal notes on a file (10 000 characters at most).
    public static func saveNotes(_ application: FundApplication, _ notes: String, by actor: Actor, on db: any Database) async throws {
        guard FundAccess.seesReview(actor.principal) else {
            throw FundError(.forbidden, "role_interdit", "Votre rôle ne permet pas d’annoter les dossiers.")
        }
        let text = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 10_000 else {
            throw FundError(
                .invalid, "notes_trop_longues", "Les notes dépassent 10 000 caractères.", fields: ["notes": "10 000 caractères au plus."])
        }
        try await db.writeTransaction { db in
            let before = ["notes": application.internalNotes ?? ""]
            application.internalNotes = text.isEmpty ? nil : text
            try await application.save(on: db)
            try await AuditLog.record(
                "dossier.notes_internes", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                before: before, after: ["notes": application.internalNotes ?? ""], on: db)
        }
    }

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

    /// Aid already granted to the same undertaking (SIREN) under the same regime, other applications.
    static func alreadyGranted(_ application: FundApplication, on db: any Database) async throws -> EuroCents {
        let laureateStates = ApplicationState.allCases.filter(\.isLaureate)
        let others = try await FundApplication.query(on: db)
            .filter(\.$siren == application.siren).filter(\.$regimeID == application.regimeID)
            .filter(\.$state ~~ laureateStates).filter(\.$id != application.id!).all()
        return EuroCents(cents: others.reduce(0) { $0 + $1.aidStateCents + $1.aidRegionCents })
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
                // One decision at a time per undertaking and regime: the aid already granted is read
                // under the lock, so two parallel decisions cannot both pass the ceiling.
                try await SerialLock.acquire("ceiling:\(application.siren ?? "-"):\(application.regimeID)", on: db)
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
            if application.state != from {
                let action: ApplicationAction = application.state == .laureate ? .decideLaureate : .decideRejected
                try await ApplicationEvent(
                    applicationID: applicationID, actor: actor.audit, action: action.rawValue,
                    from: from, to: application.state, reason: nil
                ).create(on: db)
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
            let f = FollowUp()
            f.$application.id = application.id!
            f.onDate = date.iso
            f.jobsCreated = jobsCreated
            f.investmentCents = investment.cents
            f.comment = comment
            f.recordedBy = actor.principal.userID
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

    // MARK: Messages

    public static func postMessage(_ application: FundApplication, body: String, by actor: Actor, on db: any Database) async throws -> (
        ApplicationMessage, [Notification]
    ) {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...10_000).contains(text.count) else {
            throw FundError(
                .invalid, "message_vide", "Écrivez un message (10 000 caractères au plus).", fields: ["message": "Écrivez un message."])
        }
        let message = ApplicationMessage()
        message.$application.id = application.id!
        message.authorID = actor.principal.userID
        message.authorRole = actor.role.rawValue
        message.authorName = actor.name
        message.body = text
        message.atEpoch = actor.epoch
        return try await db.writeTransaction { db in
            try await message.create(on: db)
            try await AuditLog.record(
                "dossier.message", by: actor.audit, object: "dossier", id: application.id!.uuidString,
                after: ["message": String(text.prefix(2_000))], on: db)
            let ref = application.reference ?? "brouillon"
            let notifications =
                actor.role == .applicant
                ? try await notifyReviewers(application, "Nouveau message du porteur sur le dossier \(ref).", at: actor.at, on: db)
                : try await notifyApplicants(application, "Nouveau message sur votre dossier \(ref).", at: actor.at, on: db)
            return (message, notifications)
        }
    }

    // MARK: Notifications

    static func notifyApplicants(_ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        let users = try await User.query(on: db).filter(\.$role == .applicant).filter(\.$organisationSiren == application.organisationSiren)
            .filter(\.$active == true).all()
        return try await notify(users, application, text, at: at, on: db)
    }

    static func notifyReviewers(_ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        guard let region = application.regionCode else { return [] }
        let users = try await User.query(on: db).filter(\.$role == .reviewer).filter(\.$active == true).all()
            .filter { $0.scope.regions.contains(region) }
        return try await notify(users, application, text, at: at, on: db)
    }

    static func notify(_ users: [User], _ application: FundApplication, _ text: String, at: Date, on db: any Database) async throws
        -> [Notification]
    {
        var created: [Notification] = []
        for user in users {
            let n = Notification(userID: user.id!, applicationID: application.id, text: text, at: at)
            try await n.create(on: db)
            created.append(n)
        }
        return created
    }
}
