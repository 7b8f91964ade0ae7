import Foundation
import Plot
import TIDomain
import TIPersistence

/// The regional committee: one card per file (the reviewer's opinions and proposal beside the
/// decision controls), readable at any width; decisions by lots, confirmed before they are saved.
/// The figures are the whole committee's; the cards are one page of it.
struct CommitteePage {
    var regionCode: String
    var regionName: String
    /// This page's files in committee, then those just decided on it.
    var applications: [ApplicationDetail]
    var summary: ApplicationQueue.CommitteeSummary
    /// Which page of the committee this is.
    var pagination: Pagination
    var party: DecisionParty?
    var territories: [String: String]
    var results: [UUID: (ok: Bool, message: String)]
    var envelopes: [EnvelopeSummary]
    var error: String? = nil

    /// The committee's address for `page` (the form posts to its own page, to show it again).
    static func url(_ region: String, page: Int) -> String {
        SiteURL.committee(region).path + (page > 1 ? "?page=\(page)" : "")
    }

    func render() -> String {
        let page = pagination.page
        let pages = pagination.pageCount(total: summary.count)
        let shown =
            pages > 1
            ? "Dossiers en comité (\(FrenchNumber.grouped(summary.count)), page \(page) sur \(pages))"
            : "Dossiers en comité (\(FrenchNumber.grouped(summary.count)))"
        return Page(
            title: "Comité — \(regionName)" + (page > 1 ? " — page \(page)" : ""), section: .fund,
            breadcrumbs: [.init(label: "Dossiers à traiter", url: .queue), .init(label: "Comité \(regionName)", url: nil)],
            content: .group(
                .h1(.text("Comité régional — \(regionName)")),
                .unwrap(error) { Forms.alert("error", title: $0) },
                Components.figures([
                    .init(value: FrenchNumber.grouped(summary.count), label: "dossiers en comité"),
                    .init(value: summary.proposed.compact, label: "d’aide proposée"),
                    .init(value: FrenchNumber.grouped(summary.jobsCreated), label: "emplois à créer"),
                ]),
                .if(
                    !envelopes.isEmpty,
                    Components.table(
                        caption: "Enveloppes de la région", header: ["Appel", "Financeur", "Montant", "Engagé", "Disponible"],
                        rows: envelopes.map { e in
                            [
                                Components.cell(e.callTitle), Components.cell(e.funder.label), Components.moneyCell(e.amount.cents),
                                Components.moneyCell(e.committed.cents), Components.moneyCell(e.available.cents),
                            ]
                        }, numericColumns: [2, 3, 4])),
                .if(
                    party == nil,
                    .p(
                        .class("fr-text--sm"),
                        "Seules la préfecture de région et la Région enregistrent des décisions ; vous consultez le comité.")),
                applications.isEmpty
                    ? (summary.count == 0
                        ? Components.emptyState(
                            title: "Aucun dossier en comité", text: "Les dossiers instruits et inscrits en comité apparaîtront ici.")
                        : Components.emptyState(
                            title: "Cette page est vide",
                            text:
                                "Le comité compte \(Components.plural(summary.count, "dossier", "dossiers")) sur \(Components.plural(pages, "page", "pages"))."
                        ))
                    : Forms.post(
                        action: Self.url(regionCode, page: page),
                        .h2(.class("fr-h4"), .text(shown)),
                        .forEach(applications) { card($0) },
                        .if(party != nil, Forms.submit("Enregistrer les décisions cochées"))),
                Components.pagination(page: page, pages: pages) { Self.url(regionCode, page: $0) }
            )
        ).render()
    }

    static func shortened(_ text: String?, _ limit: Int = 400) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    func card(_ a: ApplicationDetail) -> Node<HTML.FormContext> {
        let key = a.id.uuidString
        func opinion(_ d: PartyDecision?) -> Node<HTML.BodyContext> {
            d.map { $0.favourable ? Components.badgeCell("Favorable", "success") : Components.badgeCell("Défavorable", "error") }
                ?? Components.badgeCell("En attente", "new")
        }
        let mine = party.flatMap { a.decision(of: $0) }
        let context = [
            a.territoryID.flatMap { territories[$0] }.map { "TI \($0)" } ?? "hors TI", a.fragile ? "territoire fragile" : nil,
            a.size?.label,
        ].compactMap { $0 }.joined(separator: " · ")
        return .div(
            .class("fr-card fr-card--no-arrow ti-committee-card fr-mb-3w"),
            .div(
                .class("fr-card__body"),
                .div(
                    .class("fr-card__content"),
                    .div(
                        .class("fr-grid-row fr-grid-row--gutters"),
                        .div(
                            .class("fr-col-12 fr-col-lg-7"),
                            .h3(.class("fr-card__title fr-h6"), .a(.href(SiteURL.application(a.id).path), .text(a.reference ?? "—"))),
                            .p(.class("fr-mb-1w"), .strong(.text(a.carrierName ?? "")), .text(" — \(a.displayName)")),
                            .p(
                                .class("fr-text--sm fr-mb-1w"),
                                .text(
                                    "Investissement \(EuroCents(cents: a.investmentTotalCents).compact) · \(a.jobsCreated ?? 0) emplois · \(context)"
                                )),
                            .p(
                                .class("fr-mb-1w"), .strong(.text("Aide proposée \(a.proposedTotal.compact)")),
                                .text(
                                    " (État \(EuroCents(cents: a.proposedStateCents ?? 0).compact), Région \(EuroCents(cents: a.proposedRegionCents ?? 0).compact))"
                                )),
                            .p(.class("fr-text--sm fr-mb-1w"), .strong("Avis technique : "), .text(Self.shortened(a.technicalOpinion))),
                            .p(.class("fr-text--sm fr-mb-1w"), .strong("Avis financier : "), .text(Self.shortened(a.financialOpinion))),
                            .p(
                                .class("fr-text--sm"), .text("Décision de l’État : "), opinion(a.decision(of: .state)),
                                .text(" · de la Région : "), opinion(a.decision(of: .region))),
                            .unwrap(results[a.id]) { r in
                                .p(.class(r.ok ? "fr-message fr-message--valid" : "fr-message fr-message--error"), .text(r.message))
                            }),
                        .div(
                            .class("fr-col-12 fr-col-lg-5"),
                            .if(
                                party != nil,
                                a.state == .inCommittee && mine == nil
                                    ? .fieldset(
                                        .class("fr-fieldset"),
                                        Forms.legend(
                                            "Décision \(party == .state ? "de l’État" : "de la Région") sur \(a.reference ?? "ce dossier")"),
                                        .div(
                                            .class("fr-fieldset__element fr-fieldset__element--inline"),
                                            .div(
                                                .class("fr-radio-group"),
                                                .input(.type(.radio), .id("f-\(key)"), .name("avis_\(key)"), .value("favorable")),
                                                .label(.class("fr-label"), .for("f-\(key)"), "Favorable"))),
                                        .div(
                                            .class("fr-fieldset__element fr-fieldset__element--inline"),
                                            .div(
                                                .class("fr-radio-group"),
                                                .input(.type(.radio), .id("d-\(key)"), .name("avis_\(key)"), .value("defavorable")),
                                                .label(.class("fr-label"), .for("d-\(key)"), "Défavorable"))),
                                        .div(
                                            .class("fr-fieldset__element"),
                                            .div(
                                                .class("fr-input-group"),
                                                .label(.class("fr-label"), .for("m-\(key)"), "Motivation"),
                                                .textarea(
                                                    .class("fr-input"), .id("m-\(key)"), .name("motivation_\(key)"),
                                                    .attribute(named: "rows", value: "3")))))
                                    : .p(.class("fr-text--sm"), .text(mine == nil ? a.state.label : "Votre décision est enregistrée.")))))))
        )
    }
}
