import Foundation
import Plot
import TIDomain
import TIPersistence

struct AdminCallsPage {
    var calls: [CallSummary]
    var today: CivilDate

    func render() -> String {
        Page(
            title: "Appels à projets", breadcrumbs: [.init(label: "Administration", url: .adminUsers), .init(label: "Appels", url: nil)],
            content: .group(
                .h1("Appels à projets"),
                .ul(
                    .class("fr-btns-group fr-btns-group--inline-md"),
                    .li(.a(.class("fr-btn"), .href(SiteURL.adminCallNew.path), "Créer un appel")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminRegimes.path), "Régimes d’aides et plafonds")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminCofundings.path), "Cofinancements publiés (SCDL)"))),
                Components.table(
                    caption: "Appels", header: ["Appel", "Période", "État"],
                    rows: calls.map { c in
                        [
                            Components.headerCell(c.title, .adminCall(c.id)),
                            Components.cell("du \(c.rules.opensOn.french) au \(c.rules.closesOn.french)"),
                            .td(FundIndexPage.status(c.rules, today: today)),
                        ]
                    }, empty: "Aucun appel.")
            )
        ).render()
    }
}
