import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/admin/cofinancements` (admin): import an SCDL « subventions » file another body published
/// (a Région's co-funding of the laureates), and the co-fundings imported so far.
struct CofundingsPage {
    var rows: [CofundingRow]
    var total: Int
    var importIssues: [ImportIssue] = []
    var notice: String?

    func render() -> String {
        Page(
            title: "Cofinancements publiés", section: .fund,
            breadcrumbs: [
                .init(label: "Administration", url: .adminUsers), .init(label: "Appels", url: .adminCalls),
                .init(label: "Cofinancements publiés", url: nil),
            ],
            content: .group(
                .h1("Cofinancements publiés"),
                .p(
                    .class("fr-text--lead"),
                    "Les subventions que d’autres financeurs publient au format SCDL « subventions » (une Région qui publie ses propres aides, par exemple), rattachées aux dossiers lauréats du fonds."
                ),
                .unwrap(notice) { Forms.alert("success", title: "Import terminé", text: $0) },
                Forms.importIssues(importIssues),
                .h2(.class("fr-h4"), "Importer un fichier SCDL « subventions »"),
                Forms.csvImport(
                    action: SiteURL.adminCofundings.path, label: "Fichier CSV au format SCDL « subventions »",
                    hint:
                        "Colonnes obligatoires : \(SCDLImport.requiredColumns.joined(separator: ", ")) ; séparateur virgule ou point-virgule. Chaque ligne est rattachée à un dossier par la référence FA-… contenue dans referenceDecision, sinon par le SIRET du bénéficiaire (idBeneficiaire) et la date. Tout le fichier est vérifié avant d’être enregistré ; l’importer de nouveau ne crée pas de doublon. En ligne de commande : ti import grants FICHIER.csv"
                ),
                .h2(.class("fr-h4 fr-mt-6w"), .text(Components.plural(total, "cofinancement importé", "cofinancements importés"))),
                .if(total > rows.count, .p(.class("fr-text--sm"), .text("Les \(rows.count) plus récents :"))),
                Components.table(
                    caption: "Cofinancements importés", header: ["Date", "Financeur", "Référence", "Dossier", "Bénéficiaire", "Montant"],
                    rows: rows.map { r in
                        [
                            Components.cell(r.conventionOn.french), Components.cell(r.funder),
                            Components.cell(r.reference.isEmpty ? "—" : r.reference),
                            .td(.a(.href(SiteURL.application(r.applicationID).path), .text(r.applicationReference))),
                            Components.cell(r.beneficiary), .td(.class("ti-num"), .text(r.amount.formatted)),
                        ]
                    }, numericColumns: [5], empty: "Aucun cofinancement importé pour l’instant.")
            )
        ).render()
    }
}
