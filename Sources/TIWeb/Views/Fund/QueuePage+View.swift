import Foundation
import Plot
import TIDomain

extension QueuePage {
    /// « 3 critères à vérifier » or « conforme », from the checks the reviewer sees on the file.
    static func eligibility(_ failed: Int?) -> String {
        guard let failed else { return "—" }
        return failed == 0 ? "Conforme" : Components.plural(failed, "critère à vérifier", "critères à vérifier")
    }

    static func age(_ days: Int?) -> String {
        guard let days else { return "—" }
        return days <= 0 ? "aujourd’hui" : Components.plural(days, "jour", "jours")
    }

    func render() -> String {
        let f = model.filter
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String?) -> Node<HTML.FormContext> {
            Forms.select(name, label: label, options: [("", "Tous")] + options, selected: selected ?? "")
        }
        let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
        return Page(
            title: "Dossiers à traiter", section: .fund,
            breadcrumbs: [.init(label: "Fonds", url: .fund), .init(label: "Dossiers à traiter", url: nil)],
            content: .group(
                .h1("Dossiers à traiter"),
                .if(
                    !model.committeeRegions.isEmpty,
                    .p(
                        .text("Comités : "),
                        .forEach(model.committeeRegions) { code in
                            .a(
                                .class("fr-link fr-mr-2w"), .href(SiteURL.committee(code).path),
                                .text("comité de la région \(model.regions.first { $0.code == code }?.name ?? code)"))
                        })),
                .form(
                    .method(.get), .action(SiteURL.queue.path), .class("ti-filters fr-mb-3w"), .attribute(named: "role", value: "search"),
                    .ariaLabel("Filtrer les dossiers"),
                    select("appel", "Appel", model.calls.map { ($0.id.uuidString, $0.title) }, f.appel),
                    select("region", "Région", model.regions.map { ($0.code, $0.name) }, f.region),
                    Forms.field("departement", label: "Département", value: f.departement ?? "", required: false),
                    Forms.select(
                        "etat", label: "État",
                        options: [("", "À traiter (déposés, non décidés)"), (QueueController.allStates, "Tous les états")]
                            + ApplicationState.allCases.filter { $0 != .draft }.map { ($0.rawValue, $0.label) },
                        selected: f.etat ?? ""),
                    select("ti", "Territoire d’industrie", [("oui", "Dans un TI"), ("non", "Hors TI")], f.ti),
                    select("fragile", "Territoire fragile", [("oui", "Oui"), ("non", "Non")], f.fragile),
                    select("taille", "Taille", CompanySize.allCases.map { ($0.rawValue, $0.label) }, f.taille),
                    select("filiere", "Filière", Sector.allCases.map { ($0.rawValue, $0.label) }, f.filiere),
                    Forms.field("aide_min", label: "Aide demandée min. (€)", value: f.aidMin ?? "", required: false),
                    Forms.field("aide_max", label: "Aide demandée max. (€)", value: f.aidMax ?? "", required: false),
                    Forms.field("q", label: "Nom ou référence", type: .search, value: f.q ?? "", required: false),
                    Forms.select(
                        "tri", label: "Trier par",
                        options: [("depot", "Date de dépôt"), ("aide", "Aide demandée"), ("nom", "Porteur"), ("reference", "Référence")],
                        selected: f.tri ?? "depot"),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Filtrer"),
                        .a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.queue.path), "Réinitialiser"))),
                .p(
                    .class("ti-result-count"), .attribute(named: "role", value: "status"),
                    .text(Components.plural(model.total, "dossier", "dossiers")), .text(" · "),
                    .a(.href(SiteURL.queueCSV.path + f.query(page: nil)), "Exporter cette liste en CSV")),
                Components.table(
                    caption: "Dossiers",
                    header: [
                        "Référence", "Porteur et projet", "Région", "État", "Déposé depuis", "Éligibilité", "Instructeur",
                        "Aide demandée", "Emplois", "Signalements",
                    ],
                    rows: model.rows.map { a in
                        var flags: [String] = []
                        if a.answered { flags.append("réponse du porteur à lire") }
                        if a.inTerritory { flags.append("TI") }
                        if a.fragile { flags.append("fragile") }
                        return [
                            Components.headerCell(a.reference ?? "—", .application(a.id)),
                            .td(.strong(.text(a.carrierName ?? "—")), .br(), .span(.class("fr-text--sm"), .text(a.title))),
                            Components.cell(a.regionCode ?? "—"),
                            .td(Components.badgeCell(a.state.label, a.state.badge)),
                            Components.cell(Self.age(a.daysSinceDeposit)), Components.cell(Self.eligibility(a.failedChecks)),
                            Components.cell(a.instructor ?? "—"),
                            Components.moneyCell(a.requestedAid.cents),
                            Components.numberCell(a.jobsCreated), Components.cell(flags.joined(separator: ", ")),
                        ]
                    }, numericColumns: [7, 8], empty: "Aucun dossier ne correspond à ces critères."),
                Components.pagination(page: model.page, pages: pages) { SiteURL.queue.path + f.query(page: $0) }
            )
        ).render()
    }
}
