import Plot
import TIDomain
import TIPersistence

/// The applicant's form: saved as often as they like, submitted when complete.
struct ApplicationEditPage {
    var application: FundApplication
    var call: FundCall
    var content: ApplicationContent
    var errors: [String: String] = [:]
    var notice: String?
    var place: CommuneResolution?

    func render() -> String {
        let id = application.id!.uuidString
        let c = content
        func money(_ v: EuroCents?) -> String { v.map { $0 == .zero ? "" : FrenchNumber.decimal(Double($0.cents) / 100, digits: $0.cents % 100 == 0 ? 0 : 2).replacingOccurrences(of: FrenchNumber.thousandsSeparator, with: " ") } ?? "" }
        func field(_ name: String, _ label: String, _ value: String, hint: String? = nil, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            Forms.field(name, label: label, type: type, value: value, hint: hint, error: errors[name], required: false)
        }
        func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ label: String, _ selected: T?, _ labels: (T) -> String) -> Node<HTML.FormContext> where T.RawValue == String {
            Forms.select(name, label: label, options: [("", "— Choisir —")] + T.allCases.map { ($0.rawValue, labels($0)) },
                         selected: selected?.rawValue ?? "", error: errors[name])
        }
        let title = application.reference.map { "Dossier \($0)" } ?? "Nouveau dossier"
        return Page(title: title, section: .fund,
                    breadcrumbs: [.init(label: "Mes dossiers", url: .applications), .init(label: title, url: .application(id)), .init(label: "Modifier", url: nil)],
                    content: .group(
            .h1(.text(title)),
            .p(.class("fr-text--lead"), .text("Appel : \(call.title)")),
            .unwrap(notice) { Forms.alert("success", title: $0) },
            .if(!errors.isEmpty, Forms.alert("error", title: "\(errors.count) point\(errors.count > 1 ? "s" : "") à corriger",
                                              text: "Les champs concernés sont signalés ci-dessous. Vos saisies ont été conservées.")),
            .if(application.state == .informationRequested,
                Forms.alert("warning", title: "Compléments demandés", text: application.infoMessage)),
            Forms.post(action: SiteURL.applicationEdit(id).path,
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Le porteur"),
                     field("raison_sociale", "Raison sociale", c.carrierName ?? ""),
                     .p(.class("fr-text--sm"), .text("SIREN : \(Siren(application.organisationSiren)?.formatted ?? application.organisationSiren) (celui de votre compte)")),
                     choice("type_porteur", "Type de porteur", c.carrierKind) { $0.label },
                     choice("taille", "Taille", c.size) { $0.label },
                     field("forme_juridique", "Forme juridique", c.legalForm ?? "", hint: "SAS, SARL, SA, association…"),
                     field("code_naf", "Code NAF (APE)", c.nafCode ?? "", hint: "Quatre chiffres et une lettre, par exemple 25.62B"),
                     choice("filiere", "Filière", c.sector) { $0.label }),
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Le site du projet"),
                     field("commune", "Code INSEE de la commune", c.communeCode ?? "", hint: "5 caractères, par exemple 74010 (Annecy) ou 2A004 (Ajaccio)"),
                     .unwrap(place) { p in
                         .div(.class("fr-callout fr-callout--blue-ecume"),
                              .p(.class("fr-callout__text"), .text(Self.placeLine(p))))
                     }),
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Le projet"),
                     field("titre", "Titre", c.title ?? ""),
                     .div(.class("fr-input-group" + (errors["description"] == nil ? "" : " fr-input-group--error")),
                          .label(.class("fr-label"), .for("champ-description"), "Description",
                                 .span(.class("fr-hint-text"), "Objectifs, investissements, calendrier, effets attendus (50 caractères au moins).")),
                          .textarea(.class("fr-input"), .id("champ-description"), .name("description"), .attribute(named: "rows", value: "8"), .text(c.description ?? "")),
                          .unwrap(errors["description"]) { .p(.class("fr-error-text"), .text($0)) }),
                     field("date_debut", "Début prévu", c.startDate?.iso ?? "", hint: "AAAA-MM-JJ ou JJ/MM/AAAA", type: .date),
                     field("date_fin", "Fin prévue", c.endDate?.iso ?? "", hint: "AAAA-MM-JJ ou JJ/MM/AAAA", type: .date)),
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Investissement et aide demandée (en euros)"),
                     field("investissement_immobilier", "Immobilier et bâtiments", money(c.investment.buildings)),
                     field("investissement_equipement", "Équipements et machines", money(c.investment.equipment)),
                     field("investissement_immateriel", "Immatériel (logiciels, études, brevets)", money(c.investment.intangible)),
                     field("investissement_autre", "Autres dépenses", money(c.investment.other)),
                     .p(.text("Total prévu : \(c.investment.total.formatted)")),
                     .unwrap(errors["investissement"]) { .p(.class("fr-error-text"), .text($0)) },
                     field("aide_demandee", "Aide demandée", money(c.requestedAid))),
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Emplois"),
                     field("emplois_crees", "Emplois créés", c.jobsCreated.map(String.init) ?? "", hint: "0 si aucun"),
                     field("emplois_maintenus", "Emplois maintenus", c.jobsMaintained.map(String.init) ?? "", hint: "0 si aucun")),
                .div(.class("ti-form-section"),
                     .h2(.class("fr-h4"), "Enjeux du projet"),
                     .p(.class("fr-hint-text"), "Plusieurs enjeux peuvent s’appliquer."),
                     Self.checkboxes("enjeux", Stake.allCases.map { ($0.rawValue, $0.label) }, selected: Set(c.stakes.map(\.rawValue))),
                     field("emplois_relocalises", "Emplois relocalisés (si relocalisation)", c.relocatedJobs.map(String.init) ?? ""),
                     .h3(.class("fr-h6"), "Formation et compétences : nature"),
                     Self.checkboxes("competences", SkillsCategory.allCases.map { ($0.rawValue, $0.label) }, selected: Set(c.skills.map(\.rawValue))),
                     .unwrap(errors["competences"]) { .p(.class("fr-error-text"), .text($0)) },
                     field("places_formation", "Places de formation créées", c.trainingPlaces.map(String.init) ?? ""),
                     .h3(.class("fr-h6"), "Transition écologique : nature"),
                     Self.checkboxes("transition", EcologicalCategory.allCases.map { ($0.rawValue, $0.label) }, selected: Set(c.ecological.map(\.rawValue))),
                     .unwrap(errors["transition"]) { .p(.class("fr-error-text"), .text($0)) }),
                .if(call.collaborative,
                    .div(.class("ti-form-section"),
                         .h2(.class("fr-h4"), "Entreprises partenaires"),
                         .div(.class("fr-input-group" + (errors["partenaires"] == nil ? "" : " fr-input-group--error")),
                              .label(.class("fr-label"), .for("champ-partenaires"), "Une entreprise par ligne : « Nom ; SIREN »"),
                              .textarea(.class("fr-input"), .id("champ-partenaires"), .name("partenaires"), .attribute(named: "rows", value: "4"),
                                        .text(c.partners.map { "\($0.name) ; \($0.siren.rawValue)" }.joined(separator: "\n"))),
                              .unwrap(errors["partenaires"]) { .p(.class("fr-error-text"), .text($0)) }))),
                .div(.class("fr-btns-group fr-btns-group--inline-md fr-mt-4w"),
                     .button(.class("fr-btn fr-btn--secondary"), .type(.submit), .name("intention"), .value("enregistrer"), "Enregistrer le brouillon"),
                     .button(.class("fr-btn"), .type(.submit), .name("intention"), .value("deposer"),
                             .text(application.state == .informationRequested ? "Enregistrer et renvoyer" : "Enregistrer et déposer")))
            )
        )).render()
    }

    static func placeLine(_ p: CommuneResolution) -> String {
        var parts = ["\(p.commune.name) (\(p.commune.code))"]
        if let e = p.epci { parts.append(e.name) }
        parts.append(p.territories.isEmpty ? "hors Territoire d’industrie" : "Territoire d’industrie : " + p.territories.map(\.name).joined(separator: ", "))
        parts.append("\(p.departement.name), \(p.region.name)")
        if p.fragile { parts.append("territoire fragile (" + p.zonings.map(\.label).joined(separator: ", ") + ")") }
        return "Site : " + parts.joined(separator: " · ")
    }

    static func checkboxes(_ name: String, _ options: [(String, String)], selected: Set<String>) -> Node<HTML.FormContext> {
        .div(.class("fr-fieldset__content ti-checkboxes"),
             .forEach(options) { option in
                 let id = "\(name)-\(option.0)"
                 var attributes: [Attribute<HTML.InputContext>] = [.type(.checkbox), .id(id), .name("\(name)[]"), .value(option.0)]
                 if selected.contains(option.0) { attributes.append(.attribute(named: "checked", value: "checked")) }
                 return .div(.class("fr-checkbox-group"),
                             .selfClosedElement(named: "input", attributes: attributes),
                             .label(.class("fr-label"), .for(id), .text(option.1)))
             })
    }
}
