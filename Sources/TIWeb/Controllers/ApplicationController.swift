import TIDomain
import TIPersistence
import Vapor

/// One application: view, edit, submit, and every action on it. A refused action re-renders the
/// page with the reason (and field messages); a successful one redirects back with a notice.
struct ApplicationController {
    // MARK: Pages

    func show(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let notice = try? req.query.get(String.self, at: "ok")
        return try await render(application, req: req, notice: notice.flatMap(Self.notices))
    }

    static func notices(_ key: String) -> String? {
        [
            "depose": "Dossier déposé. Un accusé de dépôt est disponible.", "enregistre": "Enregistré.", "action": "Action enregistrée.",
            "message": "Message envoyé.", "decision": "Décision enregistrée.",
        ][key]
    }

    func render(
        _ application: FundApplication, req: Request, notice: String? = nil, errorMessage: String? = nil,
        errors: [String: String] = [:], typed: [String: String] = [:], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var model = try await ApplicationShowPage.Model.query(
            application, for: try req.requirePrincipal(), today: req.clock.today, on: req.db)
        model.errors = errors
        model.typed = typed
        model.notice = notice
        model.errorMessage = errorMessage
        return HTMLResponse.make(ApplicationShowPage(model: model).render(), status: status)
    }

    func editForm(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard req.principal?.role == .applicant, application.state.isEditableByApplicant else {
            throw AppError(.conflict, code: "non_modifiable", "Ce dossier n’est pas modifiable (état : \(application.state.label)).")
        }
        return try await renderEdit(application, content: application.content, req: req)
    }

    func renderEdit(
        _ application: FundApplication, content: ApplicationContent, req: Request, errors: [String: String] = [:],
        typed: [String: String] = [:], communeChoices: [CommuneCandidate] = [],
        notice: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let call = try await ApplicationQueries.call(of: application, on: req.db)
        let place = errors["commune"] == nil ? try await CommuneResolver.resolve(stored: content.communeCode, on: req.db) : nil
        let page = ApplicationEditPage(
            application: ApplicationDetail(application), call: call, content: content, errors: errors, typed: typed,
            communeChoices: communeChoices, attachments: try await ApplicationQueries.documents(of: application.requireID(), on: req.db),
            notice: notice, place: place)
        return HTMLResponse.make(page.render(), status: status)
    }

    /// Saves the draft (and the documents attached in the form); with `intention=deposer` and
    /// nothing left to fix, goes on to the deposit page. Whatever cannot be read is shown again as
    /// typed, with every problem listed at the top of the form.
    func save(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(ApplicationForm.self)
        var content = application.content
        var errors = form.apply(to: &content)
        var choices: [CommuneCandidate] = []
        switch try await SiteChoice.resolve(typed: form.commune, chosen: form.chosenCommune, current: content.communeCode, on: req.db) {
        case .keep: break
        case .set(let code): content.communeCode = code
        case .ask(let candidates, let message):
            errors["commune"] = message
            choices = candidates
        }
        let call = try await ApplicationQueries.call(of: application, on: req.db)
        var uploads: [(document: String, file: File, type: String)] = []
        for (index, document) in call.requiredDocuments.enumerated() {
            guard let file = try? req.content.get(File.self, at: ApplicationEditPage.documentField(index)), file.data.readableBytes > 0
            else { continue }
            do { uploads.append((document, file, try AttachmentPolicy.check(filename: file.filename, data: file.data))) } catch let error
                as AppError
            {
                errors["pieces"] = "« \(AttachmentPolicy.clean(file.filename)) » (\(document)) : \(error.message) Joignez-le à nouveau."
            }
        }
        let actor = try req.fundActor()
        try await FundService.save(application, content: content, by: actor, on: req.db)
        for upload in uploads {
            try await store(upload.file, type: upload.type, document: upload.document, on: application, by: actor, req: req)
        }
        var typed = errors.isEmpty ? [:] : form.typed
        if form.chosenCommune != nil, errors["commune"] == nil { typed["commune"] = nil }
        guard errors.isEmpty else {
            return try await renderEdit(
                application, content: content, req: req, errors: errors, typed: typed, communeChoices: choices, status: .badRequest)
        }
        if form.intent != "deposer" {
            return try await renderEdit(
                application, content: content, req: req,
                notice: "Brouillon enregistré. Vous pouvez y revenir à tout moment.")
        }
        do {
            try await FundService.checkSubmittable(application, by: actor, on: req.db)
            return req.redirect(to: SiteURL.applicationSubmit(try application.requireID()).path, redirectType: .normal)
        } catch let error as FundError {
            var errors = error.fields
            if errors.isEmpty { errors["general"] = error.message }
            return try await renderEdit(application, content: content, req: req, errors: errors, status: error.status)
        }
    }

    /// Stores one checked file, then its record (with its audit event).
    func store(
        _ file: File, type: String, document: String?, messageID: UUID? = nil, on application: FundApplication,
        by actor: FundService.Actor, req: Request
    ) async throws {
        let key = try await req.application.fileStorage.store(file.data)
        do {
            try await FundService.attach(
                application, filename: AttachmentPolicy.clean(file.filename), contentType: type, sizeBytes: file.data.readableBytes,
                storageKey: key, document: document, messageID: messageID, by: actor, on: req.db)
        } catch {
            try? await req.application.fileStorage.delete(key)  // no file without its record
            throw error
        }
    }

    /// The deposit page: what will be deposited, the eligibility checks the reviewer will see,
    /// the documents, and the sworn statement.
    func confirmSubmit(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        return try await renderConfirm(application, req: req)
    }

    func renderConfirm(_ application: FundApplication, req: Request, error: String? = nil, status: HTTPResponseStatus = .ok) async throws
        -> Response
    {
        guard req.principal?.role == .applicant, application.state.isEditableByApplicant else {
            throw AppError(.conflict, code: "non_modifiable", "Ce dossier ne peut pas être déposé (état : \(application.state.label)).")
        }
        do { try await FundService.checkSubmittable(application, by: try req.fundActor(), on: req.db) } catch let error as FundError {
            var errors = error.fields
            if errors.isEmpty { errors["general"] = error.message }
            return try await renderEdit(application, content: application.content, req: req, errors: errors, status: error.status)
        }
        let call = try await ApplicationQueries.call(of: application, on: req.db)
        let place = try await CommuneResolver.resolve(stored: application.communeCode, on: req.db)
        var checks = Eligibility.checks(
            application.content, rules: call.rules, submittedOn: nil, regionCode: application.regionCode, today: req.clock.today)
        if let ceiling = try await FundService.ceilingCheck(application, on: req.db) { checks.append(ceiling) }
        let page = ApplicationSubmitPage(
            application: ApplicationDetail(application), call: call, place: place, checks: checks,
            files: try await ApplicationQueries.documents(of: application.requireID(), on: req.db), error: error)
        return HTMLResponse.make(page.render(), status: status)
    }

    struct SubmitForm: Content { var attestation: String? }

    func submit(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard (try? req.content.decode(SubmitForm.self))?.attestation == "oui" else {
            return try await renderConfirm(
                application, req: req, error: "Cochez l’attestation sur l’honneur pour déposer le dossier.", status: .badRequest)
        }
        do {
            await Notifier.deliver(try await FundService.submit(application, by: try req.fundActor(), on: req.db), on: req)
            return req.redirect(to: SiteURL.application(try application.requireID()).path + "?ok=depose", redirectType: .normal)
        } catch let error as FundError {
            return try await renderEdit(
                application, content: application.content, req: req,
                errors: error.fields.isEmpty ? ["general": error.message] : error.fields, status: error.status)
        }
    }

    struct DeleteForm: Content { var confirmer: String? }

    /// Deletes a draft after a confirmation page; back to « Mes dossiers ».
    func deleteDraft(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard (try? req.content.decode(DeleteForm.self))?.confirmer == "oui" else {
            guard application.state == .draft, application.reference == nil else {
                throw AppError(.conflict, code: "non_supprimable", "Seul un brouillon jamais déposé peut être supprimé.")
            }
            return HTMLResponse.make(DeleteDraftPage(id: try application.requireID(), title: application.displayName).render())
        }
        let keys = try await FundService.deleteDraft(application, by: try req.fundActor(), on: req.db)
        for key in keys { try? await req.application.fileStorage.delete(key) }
        return req.redirect(to: SiteURL.applications.path + "?ok=supprime", redirectType: .normal)
    }

    // MARK: Actions

    /// Runs an operation; on refusal, re-renders the page with the reason.
    func attempt(
        _ req: Request, _ application: FundApplication, notice: String = "action", typed: [String: String] = [:],
        _ operation: () async throws -> [TIPersistence.Notification]
    ) async throws -> Response {
        do {
            await Notifier.deliver(try await operation(), on: req)
            return req.redirect(to: SiteURL.application(try application.requireID()).path + "?ok=\(notice)", redirectType: .normal)
        } catch let error as FundError {
            let fresh = try await ApplicationQueries.find(application.id, on: req.db) ?? application
            return try await render(fresh, req: req, errorMessage: error.message, errors: error.fields, typed: typed, status: error.status)
        } catch let error as AppError where error.status.code < 500 {
            let fresh = try await ApplicationQueries.find(application.id, on: req.db) ?? application
            return try await render(fresh, req: req, errorMessage: error.message, status: error.status)
        }
    }

    struct ReasonForm: Content { var motif: String? }

    func action(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard let action = req.parameters.get("action").flatMap(ApplicationAction.init(rawValue:)), action.isPlain else {
            throw AppError.notFound("Action inconnue.")
        }
        let reason = try req.content.decode(ReasonForm.self).motif
        return try await attempt(req, application) {
            try await FundService.perform(action, on: application, reason: reason, by: try req.fundActor(), on: req.db)
        }
    }

    struct InfoForm: Content {
        var reasonKind: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case reasonKind = "motif_type"
            case message
        }
    }

    func requestInformation(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(InfoForm.self)
        let reason = form.reasonKind.flatMap(InformationReason.init(rawValue:)) ?? .incomplete
        return try await attempt(req, application) {
            try await FundService.requestInformation(
                application, reason: reason, message: form.message ?? "", by: try req.fundActor(), on: req.db)
        }
    }

    struct AssignForm: Content { var instructeur: String? }

    func assign(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let raw = try req.content.decode(AssignForm.self).instructeur ?? ""
        return try await attempt(req, application, notice: "enregistre") {
            guard raw.isEmpty || UUID(uuidString: raw) != nil else {
                throw FundError(
                    .invalid, "instructeur_inconnu", "Choisissez un instructeur de la région du dossier.",
                    fields: ["instructeur": "Instructeur inconnu."])
            }
            let reviewer = UUID(uuidString: raw)
            try await FundService.assign(application, to: reviewer, by: try req.fundActor(), on: req.db)
            return []
        }
    }

    struct NotesForm: Content { var notes: String? }

    func notes(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let text = try req.content.decode(NotesForm.self).notes ?? ""
        return try await attempt(req, application, notice: "enregistre", typed: ["notes": text]) {
            try await FundService.saveNotes(application, text, by: try req.fundActor(), on: req.db)
            return []
        }
    }

    struct ReviewForm: Content {
        var technicalOpinion: String?
        var financialOpinion: String?
        var eligibleInvestment: String?
        var proposedState: String?
        var proposedRegion: String?

        enum CodingKeys: String, CodingKey {
            case technicalOpinion = "avis_technique"
            case financialOpinion = "avis_financier"
            case eligibleInvestment = "investissement_eligible"
            case proposedState = "aide_etat"
            case proposedRegion = "aide_region"
        }
    }

    func review(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(ReviewForm.self)
        var errors: [String: String] = [:]
        func money(_ raw: String?, _ field: String) -> EuroCents {
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return .zero }
            do { return try EuroCents(parsingEuros: raw) } catch {
                errors[field] = error.message
                return .zero
            }
        }
        let review = FundService.Review(
            technicalOpinion: form.technicalOpinion ?? "", financialOpinion: form.financialOpinion ?? "",
            eligibleInvestment: money(form.eligibleInvestment, "investissement_eligible"),
            proposedState: money(form.proposedState, "aide_proposee"), proposedRegion: money(form.proposedRegion, "aide_proposee"),
            overrides: Self.overrides(from: req))
        guard errors.isEmpty else {
            return try await render(application, req: req, errorMessage: "Montants illisibles.", errors: errors, status: .badRequest)
        }
        return try await attempt(req, application, notice: "enregistre") {
            try await FundService.recordReview(application, review, by: try req.fundActor(), on: req.db)
            return []
        }
    }

    /// `derogation_<check id>` fields of the review form.
    static func overrides(from req: Request) -> [String: String] {
        var result: [String: String] = [:]
        for id in ["appel_ouvert", "porteur", "taille", "investissement_minimum", "demarrage", "region"] {
            if let v = try? req.content.get(String.self, at: "derogation_\(id)"), !v.trimmingCharacters(in: .whitespaces).isEmpty {
                result[id] = v.trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }

    struct DecisionForm: Content {
        var avis: String?
        var motivation: String?
    }

    func decide(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(DecisionForm.self)
        guard let avis = form.avis, ["favorable", "defavorable"].contains(avis) else {
            return try await render(
                application, req: req, errorMessage: "Choisissez « Favorable » ou « Défavorable ».", status: .badRequest)
        }
        return try await attempt(req, application, notice: "decision") {
            try await FundService.decide(
                try application.requireID(), favourable: avis == "favorable", motivation: form.motivation ?? "",
                by: try req.fundActor(), on: req.db
            ).1
        }
    }

    struct AgreementForm: Content {
        var reference: String?
        var date: String?
    }

    func agreement(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(AgreementForm.self)
        return try await attempt(req, application) {
            let date: CivilDate
            do { date = try CivilDate(parsing: form.date ?? "") } catch let error as DomainError { throw AppError.invalid(error) }
            return try await FundService.signAgreement(
                application, reference: form.reference ?? "", date: date, by: try req.fundActor(), on: req.db)
        }
    }

    struct PaymentForm: Content {
        var financeur: String?
        var montant: String?
        var date: String?
        var reference: String?
    }

    func payment(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(PaymentForm.self)
        return try await attempt(req, application) {
            let amount: EuroCents
            let date: CivilDate
            do {
                amount = try EuroCents(parsingEuros: form.montant ?? "")
                date = try CivilDate(parsing: form.date ?? "")
            } catch let error as DomainError { throw AppError.invalid(error) }
            let funder = Self.funder(form.financeur, req)
            return try await FundService.recordPayment(
                application, funder: funder, amount: amount, paidOn: date,
                reference: form.reference.flatMap { $0.isEmpty ? nil : $0 }, by: try req.fundActor(), on: req.db)
        }
    }

    /// The funder named by the form, else the role's own (the préfecture the State, the Région itself).
    static func funder(_ raw: String?, _ req: Request) -> Envelope.Funder {
        Envelope.Funder(rawValue: raw ?? "") ?? FundService.funders(for: req.principal!.role).first ?? .state
    }

    struct RecoveryForm: Content {
        var financeur: String?
        var montant: String?
        var date: String?
        var motif: String?
    }

    func recovery(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(RecoveryForm.self)
        let typed = ["montant_reversement": form.montant, "motif_reversement": form.motif].compactMapValues { $0 }
        return try await attempt(req, application, typed: typed) {
            let amount: EuroCents
            let date: CivilDate
            do {
                amount = try EuroCents(parsingEuros: form.montant ?? "")
                date = (form.date ?? "").isEmpty ? req.clock.today : try CivilDate(parsing: form.date ?? "")
            } catch let error as DomainError { throw FundError(.invalid, error.code, error.message, fields: ["montant": error.message]) }
            let funder = Self.funder(form.financeur, req)
            return try await FundService.recordRecovery(
                application, funder: funder, amount: amount, on: date, reason: form.motif ?? "",
                by: try req.fundActor(), on: req.db)
        }
    }

    struct ScheduleForm: Content {
        var financeur: String?
        var plannedAmount: String?
        var echeance: String?

        enum CodingKeys: String, CodingKey {
            case financeur
            case plannedAmount = "montant_prevu"
            case echeance
        }
    }

    func schedule(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        let form = try req.content.decode(ScheduleForm.self)
        return try await attempt(req, application, notice: "enregistre") {
            let amount: EuroCents
            let date: CivilDate
            do {
                amount = try EuroCents(parsingEuros: form.plannedAmount ?? "")
                date = try CivilDate(parsing: form.echeance ?? "")
            } catch let error as DomainError { throw AppError.invalid(error) }
            try await FundService.schedulePayment(
                application, funder: Self.funder(form.financeur, req), amount: amount,
                dueOn: date, by: try req.fundActor(), on: req.db)
            return []
        }
    }

    struct FollowUpForm: Content {
        var date: String?
        var emplois: String?
        var investissement: String?
        var commentaire: String?
        var confirme: String?
    }

    func followUp(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard let role = req.principal?.role, [.admin, .region, .prefecture, .applicant].contains(role) else {
            throw AppError(.forbidden, code: "role_interdit", "Votre rôle ne permet pas de déclarer le suivi.")
        }
        let form = try req.content.decode(FollowUpForm.self)
        let typed = ["date": form.date, "emplois": form.emplois, "investissement": form.investissement, "commentaire": form.commentaire]
            .compactMapValues { $0 }
        return try await attempt(req, application, notice: "enregistre", typed: typed) {
            let date: CivilDate
            let investment: EuroCents
            let jobs: Int
            do {
                date = try CivilDate(parsing: form.date ?? "")
                investment = try EuroCents(parsingEuros: form.investissement ?? "")
            } catch let error as DomainError { throw AppError.invalid(error) }
            do { jobs = try BoundedCount.parse(form.emplois ?? "", field: "emplois créés") } catch let error as DomainError {
                throw FundError(.invalid, "emplois_invalides", error.message, fields: ["emplois": error.message])
            }
            try await FundService.recordFollowUp(
                application, on: date, jobsCreated: jobs, investment: investment,
                comment: form.commentaire.flatMap { $0.isEmpty ? nil : $0 }, confirmed: form.confirme == "oui",
                by: try req.fundActor(), on: req.db)
            return []
        }
    }

    // MARK: Messages and attachments

    struct MessageForm: Content {
        var message: String?
        var piece: File?
    }

    func message(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard req.principal?.role != .territory else {
            throw AppError(.forbidden, code: "lecture_seule", "Le territoire consulte le dossier en lecture seule.")
        }
        let form = try req.content.decode(MessageForm.self)
        let file = form.piece.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        var checkedType: String?
        if let file {
            do { checkedType = try AttachmentPolicy.check(filename: file.filename, data: file.data) } catch let error as AppError {
                return try await render(
                    application, req: req, errorMessage: error.message, errors: ["piece": error.message], status: error.status)
            }
        }
        return try await attempt(req, application, notice: "message") {
            let actor = try req.fundActor()
            let text =
                (form.message ?? "").isEmpty && file != nil
                ? "Pièce jointe : \(AttachmentPolicy.clean(file!.filename))" : (form.message ?? "")
            let (message, notifications) = try await FundService.postMessage(application, body: text, by: actor, on: req.db)
            if let file, let checkedType {
                try await store(file, type: checkedType, document: nil, messageID: message.id, on: application, by: actor, req: req)
            }
            return notifications
        }
    }

    /// Served only to those who may see the application.
    func download(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard let fileID = req.parameters.get("file", as: UUID.self),
            let file = try await ApplicationQueries.attachment(fileID, of: try application.requireID(), on: req.db)
        else {
            throw AppError.notFound("Cette pièce n’existe pas.")
        }
        let data = try await req.application.fileStorage.read(file.storageKey)
        let response = Response(status: .ok, body: .init(buffer: data))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        response.headers.contentDisposition = .init(.attachment, filename: file.filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    // MARK: Printable documents

    func receipt(req: Request) async throws -> Response {
        HTMLResponse.make(try await receiptPage(req).render())
    }

    /// The same receipt, printed by the server.
    func receiptPDF(req: Request) async throws -> Response {
        let page = try await receiptPage(req)
        return PDFPrinter.response(
            try await PDFPrinter.pdf(from: page.printable()),
            filename: "accuse-de-depot-\(page.application.reference ?? "dossier").pdf")
    }

    func receiptPage(_ req: Request) async throws -> ReceiptPage {
        let application = try await req.visibleApplication()
        guard application.reference != nil else { throw AppError.notFound("Ce dossier n’a pas encore été déposé.") }
        let id = try application.requireID()
        let deposit = try await ApplicationQueries.deposit(of: id, on: req.db)
        let place = try await CommuneResolver.resolve(stored: application.communeCode, on: req.db)
        // The documents of the deposit, not those sent afterwards.
        let files = try await ApplicationQueries.documents(of: application.requireID(), on: req.db).filter { file in
            deposit.map { file.atEpoch <= $0.atEpoch } ?? true
        }
        return ReceiptPage(
            application: ApplicationDetail(application), call: try await ApplicationQueries.call(of: application, on: req.db),
            depositedAt: deposit?.atEpoch, place: place, files: files)
    }

    func letter(req: Request) async throws -> Response {
        let application = try await req.visibleApplication()
        guard application.decidedOn != nil, application.state.isLaureate || application.state == .rejected else {
            throw AppError.notFound("Aucune décision n’a encore été rendue sur ce dossier.")
        }
        let call = try await ApplicationQueries.call(of: application, on: req.db)
        let regime = try await CallQueries.regime(application.regimeID, on: req.db)
        return HTMLResponse.make(
            DecisionLetterPage(
                application: ApplicationDetail(application), call: call,
                regime: regime.map { "\($0.id) (\($0.label))" } ?? application.regimeID
            ).render())
    }
}
