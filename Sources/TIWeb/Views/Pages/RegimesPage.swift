import Foundation
import Plot
import TIDomain
import TIPersistence

struct RegimesPage {
    var regimes: [AidRegime]
    var error: String?

    func render() -> String {
        Page(
            title: "Régimes d’aides", breadcrumbs: [.init(label: "Appels", url: .adminCalls), .init(label: "Régimes d’aides", url: nil)],
            content: .group(
                .h1("Régimes d’aides et plafonds"),
                .p(
                    "Le plafond s’applique par entreprise (SIREN), toutes aides accordées au titre du même régime confondues, tous appels et dossiers compris."
                ),
                Components.table(
                    caption: "Régimes", header: ["Identifiant", "Libellé", "Plafond par entreprise"],
                    rows: regimes.map { [Components.cell($0.id), Components.cell($0.label), Components.moneyCell($0.ceiling.cents)] },
                    numericColumns: [2]),
                .unwrap(error) { Forms.alert("error", title: "Enregistrement refusé", text: $0) },
                .h2(.class("fr-mt-4w"), "Ajouter ou modifier un régime"),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: SiteURL.adminRegimes.path,
                        Forms.field("id", label: "Identifiant", hint: "Un identifiant existant modifie ce régime."),
                        Forms.field("libelle", label: "Libellé"),
                        Forms.field("plafond", label: "Plafond par entreprise (€)"),
                        Forms.submit("Enregistrer")))
            )
        ).render()
    }
}
