import Foundation
import Plot
import TIDomain
import TIPersistence

struct FundIndexPage {
    var calls: [CallSummary]
    var totals: [UUID: CallQueries.Totals]
    var today: CivilDate
    var role: Role?

    func render() -> String {
        Page(
            title: "Le fonds d’accélération", section: .fund, breadcrumbs: [.init(label: "Fonds", url: nil)],
            content: .group(
                .h1("Le fonds d’accélération des investissements industriels"),
                .p(
                    .class("fr-text--lead"),
                    "Opéré par Bpifrance, le fonds soutient les projets industriels mûrs des entreprises, associations et collectifs d’entreprises. Chaque dossier est instruit par Bpifrance puis décidé conjointement par la préfecture de région et le conseil régional."
                ),
                .if(
                    role == .applicant || role == nil,
                    .div(
                        .class("fr-callout fr-mb-4w"),
                        .p(
                            .class("fr-callout__text"),
                            role == nil
                                ? "Pour déposer un dossier, connectez-vous avec votre compte de porteur de projet."
                                : "Choisissez un appel ouvert pour commencer un dossier. Vous pourrez l’enregistrer et y revenir autant de fois que nécessaire."
                        ),
                        .if(role == nil, .a(.class("fr-btn"), .href(SiteURL.signIn.path + "?retour=%2Ffonds"), "Se connecter")),
                        .if(role == .applicant, .a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.applications.path), "Mes dossiers")))),
                .if(
                    role.map { [.admin, .region, .prefecture, .reviewer].contains($0) } ?? false,
                    .ul(
                        .class("fr-btns-group fr-btns-group--inline-md fr-mb-4w"),
                        .li(.a(.class("fr-btn"), .href(SiteURL.queue.path), "Dossiers à traiter")),
                        .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.envelopes.path), "Enveloppes")),
                        .if(role == .admin, .li(.a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.adminCalls.path), "Gérer les appels"))))
                ),
                .h2("Appels à projets"),
                Components.table(
                    caption: "Appels à projets", header: ["Appel", "Période", "État", "Enveloppe État", "Enveloppe Régions", "Engagé"],
                    rows: calls.map { c in
                        let t = totals[c.id] ?? CallQueries.Totals()
                        return [
                            Components.headerCell(c.title, .fundCall(c.id)),
                            Components.cell("du \(c.rules.opensOn.french) au \(c.rules.closesOn.french)"),
                            .td(Self.status(c.rules, today: today)),
                            Components.moneyCell(t.state.cents), Components.moneyCell(t.region.cents),
                            Components.moneyCell(t.committed.cents),
                        ]
                    }, numericColumns: [3, 4, 5], empty: "Aucun appel à projets n’est encore publié.")
            )
        ).render()
    }

    static func status(_ rules: CallRules, today: CivilDate) -> Node<HTML.BodyContext> {
        if today < rules.opensOn { return Components.badge("À venir", kind: "new") }
        return rules.isOpen(on: today) ? Components.badge("Ouvert", kind: "success") : Components.badge("Clos", kind: "error")
    }
}
