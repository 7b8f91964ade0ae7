import Foundation
import Plot
import TIDomain
import TIPersistence

/// One application, as each role needs it: content for everyone allowed; eligibility checks,
/// review and proposal for staff; the party's decision form in committee; agreement, payments
/// and follow-up after the decision; messages, attachments and history.
struct ApplicationShowPage {
    struct Model {
        var application: ApplicationDetail
        var call: CallSummary
        var principal: Principal
        var place: CommuneResolution?
        var checks: [EligibilityCheck]
        var events: [ApplicationFile.Event]
        var messages: [ApplicationFile.Message]
        var attachments: [ApplicationFile.Document]
        var payments: [ApplicationFile.PaymentLine]
        var followUps: [ApplicationFile.FollowUpLine]
        var actorNames: [String: String]
        var errors: [String: String] = [:]
        /// Values as typed in the form that was refused (the follow-up form).
        var typed: [String: String] = [:]
        var notice: String?
        var errorMessage: String?
        /// Reviewers who may be put in charge (staff only).
        var instructors: [(id: String, name: String)] = []
        /// The default date of the agreement, payment and recovery forms.
        var today: CivilDate
    }

    let model: Model
    var a: ApplicationDetail { model.application }
    var id: UUID { a.id }
    var role: Role { model.principal.role }

    func render() -> String {
        let title = a.reference.map { "Dossier \($0)" } ?? "Brouillon"
        let crumbs: [Page.Crumb] =
            role == .applicant
            ? [.init(label: "Mes dossiers", url: .applications), .init(label: title, url: nil)]
            : [.init(label: "Dossiers à traiter", url: .queue), .init(label: title, url: nil)]
        return Page(
            title: title, section: .fund, breadcrumbs: crumbs,
            content: .group(
                .div(
                    .class("ti-badges fr-mb-1w"), Components.badge(a.state.label, kind: a.state.badge),
                    .if(a.fragile, Components.badge("Territoire fragile", kind: "warning")),
                    .if(a.territoryID != nil, Components.badge("Territoire d’industrie", kind: "info"))),
                .h1(.text(a.displayName)),
                .p(
                    .class("fr-text--lead"), .text("\(title) · \(a.carrierName ?? "porteur non renseigné") · appel « \(model.call.title) »")
                ),
                .unwrap(model.notice) { Forms.alert("success", title: $0) },
                .unwrap(model.errorMessage) { Forms.alert("error", title: "Action refusée", text: $0) },
                .if(role == .applicant, Forms.alert("info", title: "Prochaine étape", text: a.state.nextStep)),
                applicantActions,
                summary,
                .if(FundAccess.seesReview(model.principal) && a.state != .draft, followingSection),
                .if(FundAccess.seesReview(model.principal) && a.state != .draft, reviewSection),
                decisionSection,
                afterDecisionSection,
                staffActions,
                messagesSection,
                historySection
            )
        ).render()
    }

    // MARK: Content

    var summary: Node<HTML.BodyContext> {
        let c = a.content
        func row(_ label: String, _ value: String?) -> Node<HTML.DescriptionListContext> {
            .group(.dt(.text(label)), .dd(.text(value ?? "—")))
        }
        let investment = c.investment
        return .section(
            .class("fr-mt-4w"),
            .h2("Le projet"),
            .div(
                .class("fr-grid-row fr-grid-row--gutters"),
                .div(
                    .class("fr-col-12 fr-col-md-6"),
                    .dl(
                        .class("ti-definitions"),
                        row("Porteur", c.carrierName), row("SIREN", c.siren.flatMap { Siren($0)?.formatted }),
                        row("Type et taille", [c.carrierKind?.label, c.size?.label].compactMap { $0 }.joined(separator: ", ")),
                        row("Forme juridique", c.legalForm), row("Code NAF", c.nafCode), row("Filière", c.sector?.label),
                        row("Site", model.place.map(ApplicationEditPage.placeText) ?? c.communeCode),
                        row("Calendrier", c.startDate.map { "du \($0.french) au \(c.endDate?.french ?? "—")" }),
                        row(
                            "Emplois",
                            "\(c.jobsCreated.map(String.init) ?? "—") créés"
                                + (c.jobsByHorizon.map { " (dont \($0) d’ici fin \(model.call.rules.jobsHorizonYear))" } ?? "")
                                + ", \(c.jobsMaintained.map(String.init) ?? "—") maintenus"),
                        row(
                            "Enjeux",
                            c.stakes.isEmpty
                                ? nil
                                : Stake.allCases.filter(c.stakes.contains).map { stake -> String in
                                    switch stake {
                                    case .skills:
                                        stake.label
                                            + (c.skills.isEmpty
                                                ? ""
                                                : " ("
                                                    + SkillsCategory.allCases.filter(c.skills.contains).map(\.label).joined(separator: ", ")
                                                    + ")")
                                    case .ecological:
                                        stake.label
                                            + (c.ecological.isEmpty
                                                ? ""
                                                : " ("
                                                    + EcologicalCategory.allCases.filter(c.ecological.contains).map(\.label).joined(
                                                        separator: ", ") + ")")
                                    case .relocation: stake.label
                                    }
                                }.joined(separator: " ; ")),
                        .if(
                            !c.partners.isEmpty,
                            row("Partenaires", c.partners.map { "\($0.name) (\($0.siren.formatted))" }.joined(separator: ", "))))),
                .div(
                    .class("fr-col-12 fr-col-md-6"),
                    Components.table(
                        caption: "Investissement prévu", header: ["Catégorie", "Montant"],
                        rows: [
                            ("Immobilier", investment.buildings), ("Équipements", investment.equipment),
                            ("Immatériel", investment.intangible), ("Autres", investment.other), ("Total", investment.total),
                        ]
                        .map { [Components.cell($0.0), Components.moneyCell($0.1.cents)] } + [
                            [Components.cell("Aide demandée"), Components.moneyCell(c.requestedAid?.cents ?? 0)]
                        ],
                        numericColumns: [1]),
                    .if(
                        a.aidTotal > .zero,
                        .p(
                            .class("fr-text--lg"), .strong(.text("Aide accordée : \(a.aidTotal.formatted)")),
                            .text(
                                " (État \(EuroCents(cents: a.aidStateCents).formatted), Région \(EuroCents(cents: a.aidRegionCents).formatted))"
                            ))))),
            .details(.class("ti-details"), .summary("Description du projet"), .p(.class("ti-prewrap"), .text(c.description ?? "—")))
        )
    }

    var applicantActions: Node<HTML.BodyContext> {
        guard role == .applicant else { return .empty }
        return .ul(
            .class("fr-btns-group fr-btns-group--inline-md"),
            .if(a.state.isEditableByApplicant, .li(.a(.class("fr-btn"), .href(SiteURL.applicationEdit(id).path), "Modifier le dossier"))),
            .if(
                a.state == .draft && a.reference == nil,
                .li(
                    Forms.post(
                        action: SiteURL.applicationDelete(id).path,
                        .button(
                            .class("fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"), .type(.submit),
                            "Supprimer le brouillon")))),
            .if(
                a.reference != nil,
                .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.applicationReceipt(id).path), "Accusé de dépôt"))),
            .if(
                [.laureate, .rejected, .agreementSigned, .paymentsInProgress, .closed].contains(a.state),
                .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.applicationLetter(id).path), "Courrier de décision"))))
    }

    /// The préfecture pays the State's share and the Région its own: one choice only, then said, not offered.
    func funderControl(_ form: String) -> Node<HTML.FormContext> {
        let funders = FundService.funders(for: role)
        guard funders.count > 1 else {
            return .group(
                .input(.type(.hidden), .name("financeur"), .value(funders.first?.rawValue ?? "")),
                .p(.class("fr-text--sm"), .text("Part versée : \(funders.first?.label ?? "—")")))
        }
        return Forms.select(
            "financeur", label: "Financeur", options: funders.map { ($0.rawValue, $0.label) }, selected: funders[0].rawValue,
            id: "champ-financeur-\(form)")
    }

    // MARK: Following (staff only)

    /// The instructor in charge and the internal notes: never shown to the applicant or the territory.
    var followingSection: Node<HTML.BodyContext> {
        let inCharge = a.assignedTo.flatMap { id in model.instructors.first { $0.id == id }?.name }
        let assigns = [.reviewer, .admin].contains(role)
        return .section(
            .class("fr-mt-6w"),
            .h2("Suivi interne"),
            .p(.class("fr-text--sm"), "Visible de l’instruction, de la préfecture et de la Région ; jamais du porteur ni du territoire."),
            .p(.text("Instructeur en charge : " + (inCharge ?? (a.assignedTo == nil ? "personne" : "un compte désactivé")))),
            .if(
                assigns,
                Forms.post(
                    action: SiteURL.applicationInstructor(id).path,
                    Forms.select(
                        "instructeur", label: "Instructeur en charge",
                        options: [("", "— Personne —")] + model.instructors.map { ($0.id, $0.name) },
                        selected: a.assignedTo ?? "", error: model.errors["instructeur"]),
                    Forms.submit("Attribuer le dossier", secondary: true))),
            Forms.post(
                action: SiteURL.applicationNotes(id).path,
                .div(
                    .class("fr-input-group" + (model.errors["notes"] == nil ? "" : " fr-input-group--error")),
                    .label(
                        .class("fr-label"), .for("champ-notes"), "Notes internes",
                        .span(.class("fr-hint-text"), "Points à vérifier, appels, pièces attendues (10 000 caractères au plus).")),
                    .textarea(
                        .class("fr-input"), .id("champ-notes"), .name("notes"), .attribute(named: "rows", value: "4"),
                        .text(model.typed["notes"] ?? a.internalNotes ?? "")),
                    .unwrap(model.errors["notes"]) { .p(.class("fr-error-text"), .text($0)) }),
                Forms.submit("Enregistrer les notes", secondary: true)))
    }

    // MARK: Review

    var reviewSection: Node<HTML.BodyContext> {
        let editable = a.state == .underReview && [.reviewer, .admin].contains(role)
        let overrides = a.eligibilityOverrides
        return .section(
            .class("fr-mt-6w"),
            .h2("Instruction"),
            .h3(.class("fr-h5"), "Contrôles d’éligibilité automatiques"),
            Components.table(
                caption: "Contrôles d’éligibilité", header: ["Critère", "Résultat", "Détail", "Dérogation motivée"],
                rows: model.checks.map { check in
                    [
                        Components.cell(check.label),
                        .td(check.passed ? Components.badgeCell("Conforme", "success") : Components.badgeCell("Non conforme", "error")),
                        Components.cell(check.detail),
                        Components.cell(check.id == "plafond" ? "non dérogeable" : overrides[check.id] ?? (check.passed ? "—" : "aucune")),
                    ]
                }),
            editable
                ? Forms.post(
                    action: SiteURL.applicationReview(id).path,
                    .h3(.class("fr-h5"), "Avis et proposition"),
                    Self.textarea("avis_technique", "Avis technique", a.technicalOpinion ?? "", error: model.errors["avis_technique"]),
                    Self.textarea("avis_financier", "Avis financier", a.financialOpinion ?? "", error: model.errors["avis_financier"]),
                    Forms.field(
                        "investissement_eligible", label: "Investissement éligible (€)", value: Self.euros(a.eligibleInvestmentCents),
                        error: model.errors["investissement_eligible"]),
                    Forms.field(
                        "aide_etat", label: "Aide proposée — part de l’État (€)", value: Self.euros(a.proposedStateCents),
                        error: model.errors["aide_proposee"]),
                    Forms.field(
                        "aide_region", label: "Aide proposée — part de la Région (€)", value: Self.euros(a.proposedRegionCents),
                        required: false),
                    // The ceiling is the law: shown, enforced at review and decision, never derogated.
                    .forEach(model.checks.filter { !$0.passed && $0.id != "plafond" }) { check in
                        Forms.field(
                            "derogation_\(check.id)", label: "Dérogation « \(check.label) » : motif", value: overrides[check.id] ?? "",
                            hint: "Laisser vide pour ne pas déroger.", error: model.errors["derogation_\(check.id)"], required: false)
                    },
                    Forms.submit("Enregistrer l’avis"))
                : .dl(
                    .class("ti-definitions"),
                    .dt("Avis technique"), .dd(.text(a.technicalOpinion ?? "—")),
                    .dt("Avis financier"), .dd(.text(a.financialOpinion ?? "—")),
                    .dt("Investissement éligible"), .dd(.text(a.eligibleInvestmentCents.map { EuroCents(cents: $0).formatted } ?? "—")),
                    .dt("Aide proposée"),
                    .dd(
                        .text(
                            a.proposedStateCents == nil
                                ? "—"
                                : "\(a.proposedTotal.formatted) (État \(EuroCents(cents: a.proposedStateCents ?? 0).formatted), Région \(EuroCents(cents: a.proposedRegionCents ?? 0).formatted))"
                        ))),
            .if(
                a.state == .underReview && [.reviewer, .admin].contains(role),
                .div(
                    .class("fr-mt-3w"),
                    .h3(.class("fr-h5"), "Demander des compléments"),
                    Forms.post(
                        action: SiteURL.applicationInfoRequest(id).path,
                        Forms.select(
                            "motif_type", label: "Motif", options: InformationReason.allCases.map { ($0.rawValue, $0.label) },
                            selected: "incomplete"),
                        Self.textarea("message", "Ce qui est attendu du porteur", "", error: model.errors["message"]),
                        Forms.submit("Renvoyer au porteur", secondary: true))))
        )
    }

    // MARK: Decision

    var decisionSection: Node<HTML.BodyContext> {
        guard [.inCommittee, .laureate, .rejected, .agreementSigned, .paymentsInProgress, .closed].contains(a.state),
            FundAccess.seesReview(model.principal)
        else { return .empty }
        let myParty = DecisionParty.of(role)
        return .section(
            .class("fr-mt-6w"),
            .h2("Décision conjointe État – Région"),
            Components.table(
                caption: "Avis des deux parties", header: ["Partie", "Avis", "Motivation"],
                rows: DecisionParty.allCases.map { party in
                    let d = a.decision(of: party)
                    return [
                        Components.cell(party.label),
                        .td(
                            d.map {
                                $0.favourable ? Components.badgeCell("Favorable", "success") : Components.badgeCell("Défavorable", "error")
                            }
                                ?? Components.badgeCell("En attente", "new")),
                        Components.cell(d?.motivation ?? "—"),
                    ]
                }),
            decisionForm(myParty))
    }

    func decisionForm(_ party: DecisionParty?) -> Node<HTML.BodyContext> {
        guard let party, a.state == .inCommittee, a.decision(of: party) == nil else { return .empty }
        return Forms.post(
            action: SiteURL.applicationDecision(id).path,
            .fieldset(
                .class("fr-fieldset"),
                .div(
                    .class("fr-radio-group"),
                    .input(.type(.radio), .id("avis-favorable"), .name("avis"), .value("favorable")),
                    .label(.class("fr-label"), .for("avis-favorable"), "Favorable")),
                .div(
                    .class("fr-radio-group"),
                    .input(.type(.radio), .id("avis-defavorable"), .name("avis"), .value("defavorable")),
                    .label(.class("fr-label"), .for("avis-defavorable"), "Défavorable"))),
            Self.textarea("motivation", "Motivation", "", error: model.errors["motivation"]),
            Forms.submit("Enregistrer la décision de \(party.label)"))
    }

    // MARK: After the decision

    var afterDecisionSection: Node<HTML.BodyContext> {
        guard a.state.isLaureate else { return .empty }
        let manages = [.admin, .region, .prefecture].contains(role)
        let reports = manages || role == .applicant
        return .section(
            .class("fr-mt-6w"),
            .h2("Convention, versements et suivi"),
            .p(
                .text(
                    a.agreementReference.map {
                        "Convention \($0) signée le \((try? CivilDate(parsing: a.agreementOn ?? ""))?.french ?? "—")."
                    } ?? "Convention pas encore signée.")),
            .if(
                a.state == .laureate && manages,
                Forms.post(
                    action: SiteURL.applicationAgreement(id).path,
                    Forms.field(
                        "reference", label: "Référence de la convention", error: model.errors["reference"], id: "champ-reference-convention"
                    ),
                    Forms.field("date", label: "Date de signature", type: .date, value: model.today.iso, id: "champ-date-convention"),
                    Forms.submit("Enregistrer la convention"))),
            Components.table(
                caption: "Échéancier et versements", header: ["Financeur", "Montant", "Prévu le", "Versé le", "Référence"],
                rows: model.payments.map { p in
                    [
                        Components.cell(p.funder.label), Components.moneyCell(p.amountCents),
                        Components.cell(p.dueOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—"),
                        Components.cell(p.paidOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "à venir"),
                        Components.cell(p.reference ?? "—"),
                    ]
                }, numericColumns: [1], empty: "Ni échéance ni versement."),
            .if(
                [.laureate, .agreementSigned, .paymentsInProgress].contains(a.state) && manages,
                .element(
                    named: "details",
                    nodes: [
                        .class("ti-details"), .element(named: "summary", text: "Planifier une échéance"),
                        Forms.post(
                            action: SiteURL.applicationSchedule(id).path,
                            funderControl("echeance"),
                            Forms.field("montant_prevu", label: "Montant prévu (€)", error: model.errors["montant_prevu"]),
                            Forms.field("echeance", label: "Échéance", type: .date),
                            Forms.submit("Ajouter à l’échéancier", secondary: true)),
                    ])),
            .if(
                [.agreementSigned, .paymentsInProgress].contains(a.state) && manages,
                Forms.post(
                    action: SiteURL.applicationPayments(id).path,
                    funderControl("versement"),
                    Forms.field("montant", label: "Montant (€)", error: model.errors["montant"], id: "champ-montant-versement"),
                    Forms.field("date", label: "Date du versement", type: .date, value: model.today.iso, id: "champ-date-versement"),
                    Forms.field("reference", label: "Référence", required: false, id: "champ-reference-versement"),
                    Forms.submit("Enregistrer le versement"))),
            .if(
                [.paymentsInProgress, .closed].contains(a.state) && manages,
                .div(
                    .class("fr-mt-4w"),
                    .h4(.class("fr-h6"), "Reversement (récupération de l’aide)"),
                    Forms.post(
                        action: SiteURL.applicationRecovery(id).path,
                        .p(
                            .class("fr-text--sm"),
                            "Le montant est déduit de l’aide accordée et des versements ; il redevient disponible dans l’enveloppe. Le motif est communiqué au porteur et conservé au journal."
                        ),
                        funderControl("reversement"),
                        Forms.field(
                            "montant", label: "Montant à reverser (€)", value: model.typed["montant_reversement"] ?? "",
                            error: model.errors["montant"], id: "champ-montant-reversement"),
                        Forms.field(
                            "date", label: "Date de la décision de reversement", type: .date, value: model.today.iso,
                            id: "champ-date-reversement"),
                        Forms.field(
                            "motif", label: "Motif du reversement", value: model.typed["motif_reversement"] ?? "",
                            error: model.errors["motif"],
                            id: "champ-motif-reversement"),
                        Forms.submit("Enregistrer le reversement", secondary: true)))),
            .h3(.class("fr-h5 fr-mt-4w"), "Suivi des emplois et de l’investissement réalisés"),
            Components.table(
                caption: "Suivi", header: ["À la date du", "Emplois créés", "Investissement réalisé", "Commentaire", "Contrôle"],
                rows: model.followUps.map { f in
                    let unusual = FollowUpCheck.unusual(
                        jobs: f.jobsCreated, plannedJobs: a.jobsCreated,
                        investment: EuroCents(cents: f.investmentCents), plannedInvestment: EuroCents(cents: a.investmentTotalCents))
                    return [
                        Components.cell((try? CivilDate(parsing: f.onDate))?.french ?? f.onDate), Components.numberCell(f.jobsCreated),
                        Components.moneyCell(f.investmentCents), Components.cell(f.comment ?? "—"),
                        .td(
                            unusual.map { .group(Components.badgeCell("À vérifier", "warning"), .p(.class("fr-text--xs"), .text($0))) }
                                ?? .text("—")),
                    ]
                }, numericColumns: [1, 2], empty: "Aucun suivi déclaré."),
            .if(
                reports,
                Forms.post(
                    action: SiteURL.applicationFollowUp(id).path,
                    Forms.field("date", label: "À la date du", type: .date, value: model.typed["date"] ?? model.today.iso),
                    Forms.field(
                        "emplois", label: "Emplois effectivement créés", value: model.typed["emplois"] ?? "", error: model.errors["emplois"]
                    ),
                    Forms.field(
                        "investissement", label: "Investissement effectivement réalisé (€)", value: model.typed["investissement"] ?? "",
                        error: model.errors["investissement"]),
                    Forms.field("commentaire", label: "Commentaire", value: model.typed["commentaire"] ?? "", required: false),
                    .unwrap(model.errors["confirme"]) { message in
                        .div(
                            .class("fr-checkbox-group fr-checkbox-group--error fr-mb-2w"),
                            .input(.type(.checkbox), .id("champ-confirme"), .name("confirme"), .value("oui")),
                            .label(.class("fr-label"), .for("champ-confirme"), "Je confirme ces chiffres, bien qu’au-delà du prévu"),
                            .p(.class("fr-error-text"), .text(message)))
                    },
                    Forms.submit("Déclarer le suivi", secondary: true)))
        )
    }

    // MARK: Actions

    var staffActions: Node<HTML.BodyContext> {
        let actions = ApplicationWorkflow.available(from: a.state, for: role)
            .filter { ![.submit, .resubmit, .requestInformation, .signAgreement, .startPayments].contains($0) }
        guard !actions.isEmpty else { return .empty }
        return .section(
            .class("fr-mt-6w"),
            .h2("Actions"),
            .forEach(actions) { action in
                let needsReason = [.withdraw, .reopen, .declareInadmissible].contains(action)
                return Forms.post(
                    action: SiteURL.applicationAction(id, action.rawValue).path,
                    .if(
                        needsReason,
                        Forms.field(
                            "motif", label: "Motif (\(action.label.lowercased()))", error: model.errors["motif"],
                            id: "champ-motif-\(action.rawValue)")),
                    Forms.submit(action.label, secondary: needsReason))
            }
        )
    }

    // MARK: Messages and history

    var messagesSection: Node<HTML.BodyContext> {
        guard a.state != .draft || role == .applicant else { return .empty }
        return .section(
            .class("fr-mt-6w"),
            .h2("Messages et pièces jointes"),
            .if(model.messages.isEmpty, .p("Aucun message.")),
            .ol(
                .class("ti-thread"),
                .forEach(model.messages) { m in
                    .li(
                        .class("ti-message"),
                        .p(
                            .class("fr-text--sm fr-mb-1v"), .strong(.text(m.authorName)),
                            .text(" (\(Role(rawValue: m.authorRole)?.label ?? m.authorRole)) — \(AuditPage.timestamp(m.atEpoch))")),
                        .p(.class("ti-prewrap"), .text(m.body)),
                        .forEach(model.attachments.filter { $0.messageID == m.id }) { file in
                            .p(
                                .a(
                                    .class("fr-link fr-icon-attachment-line fr-link--icon-left"),
                                    .href(SiteURL.attachment(id, file.id).path),
                                    .text("\(file.filename) (\(Self.size(file.sizeBytes)))")))
                        })
                }),
            .if(
                !model.attachments.filter { $0.messageID == nil }.isEmpty,
                .group(
                    .h3(.class("fr-h5"), "Pièces du dossier"),
                    .ul(
                        .forEach(model.attachments.filter { $0.messageID == nil }) { file in
                            .li(
                                .a(
                                    .href(SiteURL.attachment(id, file.id).path),
                                    .text("\(file.filename) (\(Self.size(file.sizeBytes)))")))
                        }))),
            .if(
                role != .territory,
                .form(
                    .method(.post), .action(SiteURL.applicationMessages(id).path), .enctype(.multipartData), .class("fr-mt-3w"),
                    .input(.type(.hidden), .name("_csrf"), .value(PageContext.current.csrfToken)),
                    Self.textarea("message", "Nouveau message", "", error: model.errors["message"]),
                    .div(
                        .class("fr-upload-group"),
                        .label(
                            .class("fr-label"), .for("piece"), "Pièce jointe (facultative)",
                            .span(.class("fr-hint-text"), "PDF, PNG, JPEG, DOCX, XLSX, ODT ou ODS ; 10 Mo au plus.")),
                        .input(.class("fr-upload"), .type(.file), .id("piece"), .name("piece"))),
                    .unwrap(model.errors["piece"]) { .p(.class("fr-error-text"), .text($0)) },
                    .button(.class("fr-btn fr-mt-2w"), .type(.submit), "Envoyer")))
        )
    }

    var historySection: Node<HTML.BodyContext> {
        .section(
            .class("fr-mt-6w"),
            .h2("Historique"),
            Components.table(
                caption: "Historique du dossier", header: ["Date", "Qui", "Action", "État", "Motif"],
                rows: model.events.map { e in
                    [
                        Components.cell(AuditPage.timestamp(e.atEpoch)),
                        Components.cell(
                            (e.actorID.flatMap { model.actorNames[$0] } ?? "—") + " (\(Role(rawValue: e.actorRole)?.label ?? e.actorRole))"),
                        Components.cell(ApplicationAction(rawValue: e.action)?.label ?? Self.eventLabel(e.action)),
                        Components.cell(e.toState.flatMap(ApplicationState.init(rawValue:))?.label ?? "—"),
                        Components.cell(e.reason ?? ""),
                    ]
                })
        )
    }

    static func eventLabel(_ action: String) -> String {
        switch action {
        case "creation": "Création du brouillon"
        case "avis_instruction": "Avis d’instruction"
        case "decision_state": "Avis de l’État"
        case "decision_region": "Avis de la Région"
        case "versement": "Versement"
        case "suivi": "Suivi déclaré"
        default: action
        }
    }

    static func textarea(_ name: String, _ label: String, _ value: String, error: String?) -> Node<HTML.FormContext> {
        .div(
            .class("fr-input-group" + (error == nil ? "" : " fr-input-group--error")),
            .label(.class("fr-label"), .for("champ-\(name)"), .text(label)),
            .textarea(.class("fr-input"), .id("champ-\(name)"), .name(name), .attribute(named: "rows", value: "4"), .text(value)),
            .unwrap(error) { .p(.class("fr-error-text"), .text($0)) })
    }

    static func euros(_ cents: Int64?) -> String {
        cents.map { String($0 / 100) + ($0 % 100 == 0 ? "" : "," + String(format: "%02d", $0 % 100)) } ?? ""
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? FrenchNumber.decimal(Double(bytes) / 1_048_576, digits: 1) + " Mo" : "\(max(1, bytes / 1024)) ko"
    }
}
