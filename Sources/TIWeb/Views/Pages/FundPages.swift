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
