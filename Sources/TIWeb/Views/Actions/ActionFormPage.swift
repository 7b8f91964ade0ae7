import Foundation
import Plot
import TIDomain
import TIPersistence

/// A new action, or an edit: every value kept as typed after a refusal, every problem listed on top.
struct ActionFormPage {
    struct Model {
        var territoryID: TerritoryID
        var territoryName: String
        /// The action edited (nil: a new one).
        var actionID: UUID?
        var form: ActionForm
        /// The instruments counted in euros (code, « partner — instrument »), for the funding sought.
        var instruments: [(code: String, label: String)] = []
        var errors: [String: String] = [:]
    }

    let model: Model

    static let fields: [(name: String, label: String)] = [
        ("reference", "Référence"), ("titre", "Titre"), ("description", "Description"), ("axe", "Axe stratégique"),
        ("thematiques", "Thématiques"), ("type_porteur", "Type de porteur"), ("porteur", "Porteur"), ("siren", "SIREN du porteur"),
        ("investissement", "Investissement prévu"), ("statut", "Statut"), ("date_statut", "Date du statut"),
        ("laureats", "Lauréats du fonds"),
        ("recherche", "Financements recherchés"),
        ("general", "Action"),
    ]

    func render() -> String {
        let m = model
        let f = m.form
        let title = m.actionID == nil ? "Nouvelle action" : "Modifier l’action \(f.reference ?? "")"
        let action = m.actionID.map { SiteURL.actionEdit($0).path } ?? SiteURL.territoryPlanNew(m.territoryID).path
        return Page(
            title: title, section: .plans,
            breadcrumbs: [
                .init(label: m.territoryName, url: .territory(m.territoryID)),
                .init(label: "Plan d’actions", url: .territoryPlan(m.territoryID)),
                .init(label: title, url: nil),
            ],
            content: .group(
                .h1(.text(title)),
                .p(.text("Toute modification est soumise à la validation de la Région avant d’être publiée.")),
                .if(!m.errors.isEmpty, Forms.errorSummary(m.errors, fields: Self.fields)),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: action,
                        Forms.field(
                            "reference", label: "Référence", value: f.reference ?? "",
                            hint: "Votre identifiant de l’action, par exemple FA-12.", error: m.errors["reference"]),
                        Forms.field("titre", label: "Titre", value: f.titre ?? "", error: m.errors["titre"]),
                        ApplicationShowPage.textarea("description", "Description", f.description ?? "", error: m.errors["description"]),
                        Forms.select(
                            "axe", label: "Axe stratégique",
                            options: [("", "Choisir")] + ActionAxis.allCases.map { ($0.rawValue, $0.label) },
                            selected: f.axe ?? "", error: m.errors["axe"]),
                        .fieldset(
                            .class("fr-fieldset" + (m.errors["thematiques"] == nil ? "" : " fr-fieldset--error")),
                            Forms.legend("Thématiques"),
                            ApplicationEditPage.checkboxes(
                                "thematiques", ActionTheme.allCases.map { ($0.rawValue, $0.label) }, selected: Set(f.thematiques ?? [])),
                            .unwrap(m.errors["thematiques"]) { .p(.class("fr-error-text"), .id("champ-thematiques-erreur"), .text($0)) }),
                        Forms.select(
                            "type_porteur", label: "Type de porteur",
                            options: [("", "Choisir")] + ActionCarrierType.allCases.map { ($0.rawValue, $0.label) },
                            selected: f.typePorteur ?? "",
                            error: m.errors["type_porteur"]),
                        Forms.field(
                            "porteur", label: "Porteur (facultatif)", value: f.porteur ?? "", error: m.errors["porteur"], required: false),
                        Forms.field(
                            "siren", label: "SIREN du porteur (facultatif)", value: f.siren ?? "", error: m.errors["siren"], required: false
                        ),
                        Forms.field(
                            "investissement", label: "Investissement prévu en euros (facultatif)", value: f.investissement ?? "",
                            error: m.errors["investissement"], required: false),
                        Forms.select(
                            "statut", label: "Statut", options: ActionStatus.allCases.map { ($0.rawValue, $0.label) },
                            selected: f.statut ?? "",
                            error: m.errors["statut"]),
                        Forms.field(
                            "date_statut", label: "Date du statut", type: .date, value: f.dateStatut ?? "", error: m.errors["date_statut"]),
                        ApplicationEditPage.checkboxes(
                            "specifique", [("oui", "Action construite spécifiquement pour le programme")],
                            selected: f.specifique?.contains("oui") == true ? ["oui"] : []),
                        Forms.field(
                            "laureats", label: "Lauréats du fonds issus de l’action (facultatif)", value: f.laureats ?? "",
                            hint: "Références des dossiers, séparées par des virgules.", error: m.errors["laureats"], required: false),
                        .fieldset(
                            .class("fr-fieldset" + (m.errors["recherche"] == nil ? "" : " fr-fieldset--error")),
                            .id("champ-recherche"),
                            Forms.legend("Financements recherchés auprès des partenaires (facultatif)"),
                            .forEach(0..<ActionExtras.soughtRows) { k in
                                .div(
                                    .class("fr-fieldset__element"),
                                    Forms.select(
                                        "recherche_instrument[]", label: "Instrument \(k + 1)",
                                        options: [("", "Aucun")] + m.instruments.map { ($0.code, $0.label) },
                                        selected: f.rechercheInstrument?[safe: k] ?? "", id: "champ-recherche-instrument-\(k + 1)"),
                                    Forms.field(
                                        "recherche_montant[]", label: "Montant recherché \(k + 1) en euros",
                                        value: f.rechercheMontant?[safe: k] ?? "", required: false, id: "champ-recherche-montant-\(k + 1)"))
                            },
                            .unwrap(m.errors["recherche"]) { .p(.class("fr-error-text"), .text($0)) }),
                        .fieldset(
                            .class("fr-fieldset"),
                            Forms.legend("Champs internes, jamais publiés (facultatif)"),
                            ApplicationEditPage.checkboxes(
                                "internes", ActionField.allCases.map { ($0.rawValue, $0.label) }, selected: Set(f.internes ?? []))),
                        .div(
                            .class("fr-btns-group fr-btns-group--inline-md"),
                            .button(.class("fr-btn"), .type(.submit), "Enregistrer l’action"),
                            .a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.territoryPlan(m.territoryID).path), "Annuler"))))
            )
        ).render()
    }
}

/// The action form as posted; field names are the page's (French), properties English.
struct ActionForm: Codable, Sendable, Equatable {
    var reference: String?
    var titre: String?
    var description: String?
    var axe: String?
    var thematiques: [String]?
    var typePorteur: String?
    var porteur: String?
    var siren: String?
    var investissement: String?
    var statut: String?
    var dateStatut: String?
    /// A checkbox group of one: `specifique[]=oui` when ticked.
    var specifique: [String]?
    /// A checkbox group: `internes[]=siren`…
    var internes: [String]?
    /// Application references, comma-separated.
    var laureats: String?
    /// The funding sought, row by row (`recherche_instrument[]`, `recherche_montant[]`).
    var rechercheInstrument: [String]?
    var rechercheMontant: [String]?

    enum CodingKeys: String, CodingKey {
        case reference, titre, description, axe, thematiques, porteur, siren, investissement, statut, specifique, internes, laureats
        case rechercheInstrument = "recherche_instrument"
        case rechercheMontant = "recherche_montant"
        case typePorteur = "type_porteur"
        case dateStatut = "date_statut"
    }

    init(_ c: ActionContent, extras: ActionExtras = .init()) {
        internes = ActionField.allCases.filter(extras.internalFields.contains).map(\.rawValue)
        laureats = extras.laureates.isEmpty ? nil : extras.laureates.joined(separator: ", ")
        rechercheInstrument = extras.sought.map(\.instrument)
        rechercheMontant = extras.sought.map { ActionPlanCSV.plainEuros($0.amount) }
        reference = c.reference
        titre = c.title
        description = c.description
        axe = c.axis.rawValue
        thematiques = ActionTheme.allCases.filter(c.themes.contains).map(\.rawValue)
        typePorteur = c.carrierType.rawValue
        porteur = c.carrierName
        siren = c.siren?.rawValue
        investissement = c.plannedInvestment.map(ActionPlanCSV.plainEuros)
        statut = c.status.rawValue
        dateStatut = c.statusOn.iso
        specifique = c.specific ? ["oui"] : []
    }

    /// An empty form: an idea, today.
    init(today: CivilDate) {
        statut = ActionStatus.idea.rawValue
        dateStatut = today.iso
    }

    /// The action, or the problems by field (what could not be read, then what the domain refuses).
    func content(today: CivilDate) -> Result<ActionContent, FundError> {
        var errors: [String: String] = [:]
        let axis = axe.flatMap(ActionAxis.init(rawValue:))
        if axis == nil { errors["axe"] = "Choisissez l’axe stratégique." }
        let carrier = typePorteur.flatMap(ActionCarrierType.init(rawValue:))
        if carrier == nil { errors["type_porteur"] = "Choisissez le type de porteur." }
        let status = statut.flatMap(ActionStatus.init(rawValue:))
        if status == nil { errors["statut"] = "Choisissez le statut." }
        var statusOn: CivilDate?
        do { statusOn = try CivilDate(parsing: dateStatut ?? "") } catch {
            errors["date_statut"] = "Indiquez la date du statut (jj/mm/aaaa)."
        }
        var sirenValue: Siren?
        if let raw = siren?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { sirenValue = try Siren(validating: raw) } catch { errors["siren"] = error.message }
        }
        var investment: EuroCents?
        if let raw = investissement?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { investment = try EuroCents(parsingEuros: raw) } catch { errors["investissement"] = error.message }
        }
        let themes = Set((thematiques ?? []).compactMap(ActionTheme.init(rawValue:)))
        let content = ActionContent(
            reference: reference ?? "", title: titre ?? "", description: description ?? "", axis: axis ?? .attract, themes: themes,
            carrierType: carrier ?? .publicBody, carrierName: porteur, siren: sirenValue, plannedInvestment: investment,
            status: status ?? .idea, statusOn: statusOn ?? today, specific: specifique?.contains("oui") == true)
        errors.merge(content.problems(today: today)) { first, _ in first }
        guard errors.isEmpty else {
            return .failure(FundError(.invalid, "action_invalide", "L’action comporte des erreurs.", fields: errors))
        }
        return .success(content)
    }

    /// The internal fields ticked, the laureates' references typed and the funding sought (rows
    /// with neither instrument nor amount are left out; which instruments exist is the service's check).
    func extras() -> Result<ActionExtras, FundError> {
        var sought: [ActionExtras.Sought] = []
        var problem: String?
        let instruments = rechercheInstrument ?? []
        let amounts = rechercheMontant ?? []
        for k in 0..<min(max(instruments.count, amounts.count), ActionExtras.soughtRows) {
            let code = (instruments[safe: k] ?? "").trimmingCharacters(in: .whitespaces)
            let raw = (amounts[safe: k] ?? "").trimmingCharacters(in: .whitespaces)
            if code.isEmpty && raw.isEmpty { continue }
            do {
                guard !code.isEmpty else { throw DomainError("instrument_requis", "Choisissez l’instrument de chaque montant recherché.") }
                sought.append(.init(instrument: code, amount: try EuroCents(parsingEuros: raw)))
            } catch { problem = "Ligne \(k + 1) : \((error as? DomainError)?.message ?? "montant illisible")" }
        }
        if let problem {
            return .failure(FundError(.invalid, "action_invalide", "L’action comporte des erreurs.", fields: ["recherche": problem]))
        }
        return .success(
            ActionExtras(
                internalFields: Set((internes ?? []).compactMap(ActionField.init(rawValue:))),
                laureates: (laureats ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init),
                sought: sought))
    }
}
