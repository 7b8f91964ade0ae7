import Plot
import TIDomain
import TIPersistence

/// The applicant's form: saved as often as they like, submitted when complete. After an error,
/// every problem is listed at the top (each linked to its field) and every value is shown as typed.
struct ApplicationEditPage {
    var application: ApplicationDetail
    var call: CallSummary
    var content: ApplicationContent
    var errors: [String: String] = [:]
    /// Raw values to show instead of the stored ones (after an error).
    var typed: [String: String] = [:]
    /// Communes to choose from when the typed site matched several.
    var communeChoices: [CommuneCandidate] = []
    var attachments: [ApplicationFile.Document] = []
    var notice: String?
    var place: CommuneResolution?

    /// The form's fields in page order, with the label the error summary gives them.
    static let fieldOrder: [(name: String, label: String)] = [
        ("raison_sociale", "Raison sociale"), ("siren", "SIREN"), ("type_porteur", "Type de porteur"), ("taille", "Taille"),
        ("forme_juridique", "Forme juridique"), ("code_naf", "Code NAF"), ("filiere", "Filière"), ("commune", "Commune du site"),
        ("titre", "Titre"), ("description", "Description"), ("date_debut", "Début prévu"), ("date_fin", "Fin prévue"),
        ("investissement_immobilier", "Immobilier"), ("investissement_equipement", "Équipements"),
        ("investissement_immateriel", "Immatériel"), ("investissement_autre", "Autres dépenses"),
        ("investissement", "Investissement"), ("aide_demandee", "Aide demandée"),
        ("emplois_crees", "Emplois créés"), ("emplois_horizon", "Emplois créés à l’échéance"), ("emplois_maintenus", "Emplois maintenus"),
        ("emplois_relocalises", "Emplois relocalisés"), ("competences", "Formation et compétences"),
        ("places_formation", "Places de formation"), ("transition", "Transition écologique"),
        ("partenaires", "Entreprises partenaires"), ("resume_public", "Résumé public"), ("pieces", "Pièces justificatives"),
    ]

    static func documentField(_ index: Int) -> String { "piece_\(index)" }

    func render() -> String {
        let id = application.id
        let c = content
        func money(_ v: EuroCents?) -> String {
            v.map {
                $0 == .zero
                    ? ""
                    : FrenchNumber.decimal(Double($0.cents) / 100, digits: $0.cents % 100 == 0 ? 0 : 2).replacingOccurrences(
                        of: FrenchNumber.thousandsSeparator, with: " ")
            } ?? ""
        }
        func field(_ name: String, _ label: String, _ value: String, hint: String? = nil, type: HTMLInputType = .text) -> Node<
            HTML.FormContext
        > {
            Forms.field(name, label: label, type: type, value: typed[name] ?? value, hint: hint, error: errors[name], required: false)
        }
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ label: String, _ selected: T?, _ labels: (T) -> String) -> Node<
            HTML.FormContext
        > where T.RawValue == String {
            Forms.select(
                name, label: label, options: [("", "— Choisir —")] + T.allCases.map { ($0.rawValue, labels($0)) },
                selected: selected?.rawValue ?? "", error: errors[name])
        }
        func textarea(_ name: String, _ label: String, _ value: String, hint: String, rows: Int) -> Node<HTML.FormContext> {
            .div(
                .class("fr-input-group" + (errors[name] == nil ? "" : " fr-input-group--error")),
                .label(.class("fr-label"), .for("champ-\(name)"), .text(label), .span(.class("fr-hint-text"), .text(hint))),
                .textarea(
                    .class("fr-input"), .id("champ-\(name)"), .name(name), .attribute(named: "rows", value: String(rows)),
                    .text(typed[name] ?? value)),
                .unwrap(errors[name]) { .p(.class("fr-error-text"), .text($0)) })
        }
        let title = application.reference.map { "Dossier \($0)" } ?? "Nouveau dossier"
        return Page(
            title: title, section: .fund,
            breadcrumbs: [
                .init(label: "Mes dossiers", url: .applications), .init(label: title, url: .application(id)),
                .init(label: "Modifier", url: nil),
            ],
            content: .group(
                .h1(.text(title)),
                .p(.class("fr-text--lead"), .text("Appel : \(call.title)")),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .if(
                    !errors.isEmpty,
                    Forms.errorSummary(
                        errors, fields: Self.fieldOrder,
                        anchors: ["investissement": "investissement_immobilier", "pieces": Self.documentField(0)])),
                .if(
                    application.state == .informationRequested,
                    Forms.alert("warning", title: "Compléments demandés", text: application.infoMessage)),
                Forms.post(
                    action: SiteURL.applicationEdit(id).path, multipart: true,
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Le porteur"),
                        field("raison_sociale", "Raison sociale", c.carrierName ?? ""),
                        .p(
                            .class("fr-text--sm"),
                            .text(
                                "SIREN : \(Siren(application.organisationSiren)?.formatted ?? application.organisationSiren) (celui de votre compte)"
                            )),
                        choice("type_porteur", "Type de porteur", c.carrierKind) { $0.label },
                        choice("taille", "Taille", c.size) { $0.label },
                        field("forme_juridique", "Forme juridique", c.legalForm ?? "", hint: "SAS, SARL, SA, association…"),
                        field("code_naf", "Code NAF (APE)", c.nafCode ?? "", hint: "Quatre chiffres et une lettre, par exemple 25.62B"),
                        choice("filiere", "Filière", c.sector) { $0.label }),
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Le site du projet"),
                        field(
                            "commune", "Commune du site", c.communeCode ?? "",
                            hint: "Son nom, son code postal ou son code INSEE, par exemple Annecy, 74000 ou 74010"),
                        .if(!communeChoices.isEmpty, communeList),
                        .unwrap(place) { p in
                            .div(
                                .class("fr-callout fr-callout--blue-ecume"),
                                .p(.class("fr-callout__text"), .text(Self.placeLine(p))))
                        }),
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Le projet"),
                        field("titre", "Titre", c.title ?? ""),
                        textarea(
                            "description", "Description", c.description ?? "",
                            hint:
                                "Confidentielle : lue par l’instruction et les décideurs. Objectifs, investissements, calendrier, effets attendus (50 caractères au moins).",
                            rows: 8),
                        field("date_debut", "Début prévu", c.startDate?.iso ?? "", hint: "AAAA-MM-JJ ou JJ/MM/AAAA", type: .date),
                        field("date_fin", "Fin prévue", c.endDate?.iso ?? "", hint: "AAAA-MM-JJ ou JJ/MM/AAAA", type: .date)),
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Investissement et aide demandée (en euros)"),
                        field("investissement_immobilier", "Immobilier et bâtiments", money(c.investment.buildings)),
                        field("investissement_equipement", "Équipements et machines", money(c.investment.equipment)),
                        field("investissement_immateriel", "Immatériel (logiciels, études, brevets)", money(c.investment.intangible)),
                        field("investissement_autre", "Autres dépenses", money(c.investment.other)),
                        .p(.text("Total prévu : \(c.investment.total.formatted)")),
                        .unwrap(errors["investissement"]) { .p(.class("fr-error-text"), .text($0)) },
                        field("aide_demandee", "Aide demandée", money(c.requestedAid))),
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Emplois"),
                        field("emplois_crees", "Emplois créés", c.jobsCreated.map(String.init) ?? "", hint: "0 si aucun"),
                        field(
                            "emplois_horizon", "Dont créés d’ici fin \(call.rules.jobsHorizonYear) (facultatif)",
                            c.jobsByHorizon.map(String.init) ?? "", hint: "Votre prévision ; elle sert au suivi du programme."),
                        field("emplois_maintenus", "Emplois maintenus", c.jobsMaintained.map(String.init) ?? "", hint: "0 si aucun")),
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Enjeux du projet"),
                        .p(.class("fr-hint-text"), "Plusieurs enjeux peuvent s’appliquer."),
                        Self.checkboxes("enjeux", Stake.allCases.map { ($0.rawValue, $0.label) }, selected: Set(c.stakes.map(\.rawValue))),
                        field("emplois_relocalises", "Emplois relocalisés (si relocalisation)", c.relocatedJobs.map(String.init) ?? ""),
                        .h3(.class("fr-h6"), "Formation et compétences : nature"),
                        Self.checkboxes(
                            "competences", SkillsCategory.allCases.map { ($0.rawValue, $0.label) }, selected: Set(c.skills.map(\.rawValue))),
                        .unwrap(errors["competences"]) { .p(.class("fr-error-text"), .text($0)) },
                        field("places_formation", "Places de formation créées", c.trainingPlaces.map(String.init) ?? ""),
                        .h3(.class("fr-h6"), "Transition écologique : nature"),
                        Self.checkboxes(
                            "transition", EcologicalCategory.allCases.map { ($0.rawValue, $0.label) },
                            selected: Set(c.ecological.map(\.rawValue))),
                        .unwrap(errors["transition"]) { .p(.class("fr-error-text"), .text($0)) }),
                    .if(
                        call.rules.collaborative,
                        .div(
                            .class("ti-form-section"),
                            .h2(.class("fr-h4"), "Entreprises partenaires"),
                            textarea(
                                "partenaires", "Une entreprise par ligne : « Nom ; SIREN »",
                                c.partners.map { "\($0.name) ; \($0.siren.rawValue)" }.joined(separator: "\n"),
                                hint: "Au moins deux entreprises pour un projet collaboratif.", rows: 4))),
                    documents,
                    .div(
                        .class("ti-form-section"),
                        .h2(.class("fr-h4"), "Publication"),
                        .p(
                            .class("fr-hint-text"),
                            "Si le projet est retenu, le nom de l’entreprise, la commune et l’aide accordée sont publics. Le titre et un résumé ne le sont qu’avec votre accord ; la description reste confidentielle."
                        ),
                        .div(
                            .class("fr-checkbox-group fr-mb-3w"),
                            .selfClosedElement(
                                named: "input",
                                attributes: [.type(.checkbox), .id("champ-publication"), .name("publication"), .value("oui")]
                                    + (c.publicationConsent ? [.attribute(named: "checked", value: "checked")] : [])),
                            .label(
                                .class("fr-label"), .for("champ-publication"),
                                "J’accepte la publication du titre et du résumé public du projet s’il est retenu")),
                        textarea(
                            "resume_public", "Résumé public", c.publicSummary ?? "",
                            hint:
                                "Quelques lignes destinées au public (1 000 caractères au plus), distinctes de la description confidentielle.",
                            rows: 3)),
                    .div(
                        .class("fr-btns-group fr-btns-group--inline-md fr-mt-4w"),
                        .button(
                            .class("fr-btn fr-btn--secondary"), .type(.submit), .name("intention"), .value("enregistrer"),
                            "Enregistrer le brouillon"),
                        .button(
                            .class("fr-btn"), .type(.submit), .name("intention"), .value("deposer"),
                            .text(application.state == .informationRequested ? "Enregistrer et renvoyer" : "Enregistrer et déposer")))
                )
            )
        ).render()
    }

    /// The communes the typed site may mean, to pick one (radio buttons, then « Enregistrer »).
    var communeList: Node<HTML.FormContext> {
        .fieldset(
            .class("fr-fieldset"), .id("champ-commune_choisie"),
            Forms.legend("Choisissez la commune du site, puis enregistrez"),
            .forEach(communeChoices) { candidate in
                let id = "commune-\(candidate.code)"
                return .div(
                    .class("fr-fieldset__element"),
                    .div(
                        .class("fr-radio-group"),
                        .selfClosedElement(
                            named: "input", attributes: [.type(.radio), .id(id), .name("commune_choisie"), .value(candidate.code)]),
                        .label(.class("fr-label"), .for(id), .text(candidate.label))))
            })
    }

    /// The call's checklist of documents, each with what is attached and a file field.
    var documents: Node<HTML.FormContext> {
        let required = call.requiredDocuments
        let others = attachments.filter { $0.document == nil || !required.contains($0.document!) }
        return .div(
            .class("ti-form-section"),
            .h2(.class("fr-h4"), "Pièces justificatives"),
            .p(
                .class("fr-hint-text"),
                "PDF, image (PNG, JPEG) ou document bureautique, 10 Mo au plus par fichier et 25 Mo par enregistrement. Joignez-les ici ou plus tard : l’instruction vous demandera ce qui manque."
            ),
            .unwrap(errors["pieces"]) { .p(.class("fr-error-text"), .text($0)) },
            .ul(
                .class("ti-checklist fr-raw-list"),
                .forEach(Array(required.enumerated())) { index, name in
                    let files = attachments.filter { $0.document == name }
                    let fieldID = "champ-\(Self.documentField(index))"
                    return .li(
                        .class("fr-upload-group fr-mb-2w"),
                        .label(
                            .class("fr-label"), .for(fieldID), .text(name),
                            .span(
                                .class("fr-hint-text"),
                                .text(
                                    files.isEmpty
                                        ? "À joindre"
                                        : "Fourni : " + files.map { "\($0.filename) (\($0.sizeLabel))" }.joined(separator: ", ")))),
                        .selfClosedElement(
                            named: "input",
                            attributes: [
                                .class("fr-upload"), .type(.file), .id(fieldID), .name(Self.documentField(index)),
                                .attribute(named: "accept", value: ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods"),
                            ]))
                }),
            .if(!others.isEmpty, .p(.text("Autres pièces : " + others.map { "\($0.filename) (\($0.sizeLabel))" }.joined(separator: ", ")))))
    }

    static func placeLine(_ p: CommuneResolution) -> String { "Site : " + placeText(p) }

    /// « Annecy (74010) · Grand Annecy · Territoire d’industrie : … · Haute-Savoie, Auvergne-Rhône-Alpes »
    static func placeText(_ p: CommuneResolution) -> String {
        var parts = ["\(p.commune.name) (\(p.commune.code))"]
        if let e = p.epci { parts.append(e.name) }
        parts.append(
            p.territories.isEmpty
                ? "hors Territoire d’industrie" : "Territoire d’industrie : " + p.territories.map(\.name).joined(separator: ", "))
        parts.append("\(p.departement.name), \(p.region.name)")
        if p.fragile { parts.append("territoire fragile (" + p.zonings.map(\.label).joined(separator: ", ") + ")") }
        return parts.joined(separator: " · ")
    }

    static func checkboxes(_ name: String, _ options: [(String, String)], selected: Set<String>) -> Node<HTML.FormContext> {
        .div(
            .class("fr-fieldset__content ti-checkboxes"), .id("champ-\(name)"),
            .forEach(options) { option in
                let id = "\(name)-\(option.0)"
                var attributes: [Attribute<HTML.InputContext>] = [.type(.checkbox), .id(id), .name("\(name)[]"), .value(option.0)]
                if selected.contains(option.0) { attributes.append(.attribute(named: "checked", value: "checked")) }
                return .div(
                    .class("fr-checkbox-group"),
                    .selfClosedElement(named: "input", attributes: attributes),
                    .label(.class("fr-label"), .for(id), .text(option.1)))
            })
    }
}
