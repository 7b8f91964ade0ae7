import Foundation
import Plot
import TIDomain
import TIPersistence

struct CallPage {
    var call: CallSummary
    var envelopes: [EnvelopeSummary]
    var today: CivilDate
    var role: Role?

    func render() -> String {
        let rules = call.rules
        // Envelopes come sorted by région name: group them keeping that order.
        let byRegion = Dictionary(grouping: envelopes, by: \.regionCode).sorted {
            SearchText.normalise($0.value[0].regionName) < SearchText.normalise($1.value[0].regionName)
        }
        return Page(
            title: call.title, section: .fund, breadcrumbs: [.init(label: "Fonds", url: .fund), .init(label: call.title, url: nil)],
            content: .group(
                .h1(.text(call.title)),
                .div(
                    .class("ti-badges fr-mb-2w"), FundIndexPage.status(rules, today: today),
                    .if(call.rules.collaborative, Components.badge("Projets collaboratifs", kind: "info"))),
                .p(.class("fr-text--lead"), .text(call.description)),
                .if(
                    role == .applicant && rules.isOpen(on: today),
                    Forms.post(action: SiteURL.applyToCall(call.id).path, Forms.submit("Commencer un dossier sur cet appel"))),
                .if(
                    role == .admin,
                    .p(.a(.class("fr-link"), .href(SiteURL.adminCall(call.id).path), "Modifier l’appel et ses enveloppes"))),
                .h2(.class("fr-mt-4w"), "Conditions"),
                .dl(
                    .class("ti-definitions"),
                    .dt("Dépôt des dossiers"), .dd(.text("du \(rules.opensOn.french) au \(rules.closesOn.french) inclus")),
                    .dt("Porteurs éligibles"),
                    .dd(.text(CarrierKind.allCases.filter(rules.carriers.contains).map(\.label).joined(separator: ", "))),
                    .dt("Tailles d’entreprise"),
                    .dd(.text(CompanySize.allCases.filter(rules.sizes.contains).map(\.label).joined(separator: ", "))),
                    .dt("Investissement minimum"), .dd(.text(rules.minimumInvestment.formatted)),
                    .dt("Démarrage"), .dd(.text("dans les \(rules.startWithinMonths) mois suivant la décision")),
                    .dt("Régions"), .dd(.text(rules.regions.isEmpty ? "Toutes" : rules.regions.sorted().joined(separator: ", "))),
                    .dt("Régime d’aides"),
                    .dd(
                        .text(
                            "\(call.regimeLabel) — plafond de \(call.ceiling.formatted) par entreprise, toutes aides de ce régime confondues"
                        ))),
                .h2(.class("fr-mt-4w"), "Enveloppes par région"),
                Components.table(
                    caption: "Enveloppes de l’appel", header: ["Région", "État", "Région (conseil régional)", "Engagé", "Disponible"],
                    rows: byRegion.map { (_, list) in
                        let state = list.first { $0.funder == .state }
                        let region = list.first { $0.funder == .region }
                        let committed = list.reduce(EuroCents.zero) { $0 + $1.committed }
                        let remaining = list.reduce(EuroCents.zero) { $0 + $1.available }
                        return [
                            Components.cell(list[0].regionName),
                            Components.moneyCell(state?.amount.cents ?? 0),
                            region.map { Components.moneyCell($0.amount.cents, note: $0.oneForOne ? "1 pour 1" : nil) }
                                ?? Components.cell("—"),
                            Components.moneyCell(committed.cents), Components.moneyCell(remaining.cents),
                        ]
                    }, numericColumns: [1, 2, 3, 4], empty: "Aucune enveloppe n’est encore ouverte sur cet appel.")
            )
        ).render()
    }
}
