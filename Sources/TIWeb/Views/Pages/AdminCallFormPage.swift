import Foundation
import Plot
import TIDomain
import TIPersistence

struct AdminCallFormPage {
    /// The call being edited (nil for a new one).
    struct Existing {
        var id: UUID
        var title: String
    }

    var call: Existing?
    var draft: CallService.Draft
    var regimes: [AidRegime]
    var envelopes: [EnvelopeSummary]
    var regions: [(code: String, name: String)]
    var errors: [String: String]
    var notice: String?

    func render() -> String {
        let title = call?.title ?? "Nouvel appel"
        let action = call.map { SiteURL.adminCall($0.id).path } ?? SiteURL.adminCallNew.path
        let d = draft
        return Page(
            title: title, breadcrumbs: [.init(label: "Appels", url: .adminCalls), .init(label: title, url: nil)],
            content: .group(
                .h1(.text(title)),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .if(
                    errors.keys.contains { $0 != "enveloppe" },
                    Forms.alert("error", title: "L’appel comporte des erreurs", text: "Corrigez les champs signalés.")),
                .div(
                    Forms.post(
                        action: action,
                        Forms.field("titre", label: "Titre", value: d.title, error: errors["titre"]),
                        ApplicationShowPage.textarea("description", "Description", d.description, error: errors["description"]),
                        Forms.field("ouverture", label: "Ouverture", type: .date, value: d.opensOn, error: errors["ouverture"]),
                        Forms.field("cloture", label: "Clôture (inclus)", type: .date, value: d.closesOn, error: errors["cloture"]),
                        .h2(.class("fr-h6"), "Porteurs éligibles"),
                        ApplicationEditPage.checkboxes(
                            "porteurs", CarrierKind.allCases.map { ($0.rawValue, $0.label) }, selected: Set(d.carriers)),
                        .unwrap(errors["porteurs"]) { .p(.class("fr-error-text"), .text($0)) },
                        .h2(.class("fr-h6"), "Tailles éligibles"),
                        ApplicationEditPage.checkboxes(
                            "tailles", CompanySize.allCases.map { ($0.rawValue, $0.label) }, selected: Set(d.sizes)),
                        .unwrap(errors["tailles"]) { .p(.class("fr-error-text"), .text($0)) },
                        Forms.field(
                            "regions", label: "Régions (codes séparés par des virgules ; vide : toutes)", value: d.regions,
                            error: errors["regions"], required: false),
                        Forms.field(
                            "investissement_minimum", label: "Investissement minimum (€)", value: d.minimumInvestment,
                            error: errors["investissement_minimum"], required: false),
                        Forms.field(
                            "demarrage", label: "Démarrage exigé dans les … mois suivant la décision", value: d.startWithinMonths,
                            error: errors["demarrage"]),
                        Forms.select(
                            "regime", label: "Régime d’aides", options: regimes.map { ($0.id, $0.label) }, selected: d.regimeID,
                            error: errors["regime"]),
                        ApplicationEditPage.checkboxes(
                            "collaboratif", [("oui", "Projets collaboratifs (enveloppe dédiée)")], selected: d.collaborative ? ["oui"] : []),
                        Forms.submit(call == nil ? "Créer l’appel" : "Enregistrer"))),
                .unwrap(call) { call in
                    .group(
                        .h2(.class("fr-mt-6w"), "Enveloppes"),
                        Components.table(
                            caption: "Enveloppes de l’appel", header: ["Région", "Financeur", "Montant", "Engagé"],
                            rows: envelopes.map { e in
                                [
                                    Components.cell(e.regionName),
                                    Components.linkCell(e.funder.label + (e.oneForOne ? " (1 pour 1)" : ""), .envelope(e.id)),
                                    Components.moneyCell(e.amount.cents), Components.moneyCell(e.committed.cents),
                                ]
                            }, numericColumns: [2, 3], empty: "Aucune enveloppe : ouvrez-en une par région et par financeur."),
                        .unwrap(errors["enveloppe"]) { Forms.alert("error", title: "Enveloppe refusée", text: $0) },
                        Forms.post(
                            action: SiteURL.adminCallEnvelopes(call.id).path,
                            Forms.select("region", label: "Région", options: regions.map { ($0.code, $0.name) }, selected: nil),
                            Forms.select(
                                "financeur", label: "Financeur", options: [("state", "État"), ("region", "Région")], selected: "state"),
                            Forms.field("montant", label: "Montant (€)"),
                            ApplicationEditPage.checkboxes(
                                "un_pour_un", [("oui", "Règle « 1 pour 1 » (part Région = part État)")], selected: []),
                            Forms.submit("Ouvrir l’enveloppe", secondary: true)))
                }
            )
        ).render()
    }
}
