import Foundation
import Plot
import TIDomain
import TIPersistence

struct MyApplicationsPage {
    /// The applicant's files and the title of their call.
    var applications: [(application: FundApplication, callTitle: String)]
    var notifications: [TIPersistence.Notification]
    var openCalls: [FundCall]
    var notice: String? = nil

    func render() -> String {
        Page(
            title: "Mes dossiers", section: .fund, breadcrumbs: [.init(label: "Mes dossiers", url: nil)],
            content: .group(
                .h1("Mes dossiers"),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .if(
                    !openCalls.isEmpty,
                    .div(
                        .class("fr-callout fr-mb-4w"),
                        .p(
                            .class("fr-callout__text"), "Appel\(openCalls.count > 1 ? "s" : "") ouvert\(openCalls.count > 1 ? "s" : "") : ",
                            .forEach(openCalls) { .a(.href(SiteURL.fundCall($0.id!).path), .text($0.title + " ")) }))),
                Components.table(
                    caption: "Mes dossiers", header: ["Dossier", "Appel", "État", "Prochaine étape", "Mis à jour"],
                    rows: applications.map { a, callTitle in
                        [
                            Components.headerCell(
                                a.reference.map { "\($0) — \(a.displayName)" } ?? "Brouillon — \(a.displayName)",
                                .application(a.id!)),
                            Components.cell(callTitle), .td(Components.badgeCell(a.state.label, a.state.badge)),
                            Components.cell(a.state.nextStep),
                            Components.cell(a.updatedAt.map { AuditPage.timestamp($0.timeIntervalSince1970) } ?? "—"),
                        ]
                    }, empty: "Vous n’avez encore aucun dossier. Choisissez un appel ouvert pour en commencer un."),
                .h2(.class("fr-mt-6w"), "Notifications"),
                .if(notifications.isEmpty, .p("Aucune notification.")),
                .ul(
                    .forEach(notifications) { n in
                        .li(
                            .text("\(AuditPage.timestamp(n.atEpoch)) — \(n.text) "),
                            .unwrap(n.applicationID) { .a(.href(SiteURL.application($0).path), "voir le dossier") })
                    })
            )
        ).render()
    }
}

struct QueuePage {
    var filter: QueueController.Filter
    var rows: [FundApplication]
    var total: Int
    var page: Int
    var pageSize: Int
    var calls: [FundCall]
    var regions: [(code: String, name: String)]
    var committeeRegions: [String]
    /// Reviewer names by user id (the instructor in charge).
    var instructorNames: [String: String] = [:]
    /// Files whose latest message comes from the applicant (an answer waiting to be read).
    var answered: Set<UUID> = []
    var today: CivilDate

    /// « 3 critères à vérifier » or « conforme », from the checks the reviewer sees on the file.
    func eligibility(_ a: FundApplication) -> String {
        guard let call = calls.first(where: { $0.id == a.$call.id }) else { return "—" }
        let failed = Eligibility.checks(
            a.content, rules: call.rules, submittedOn: a.submittedOn.flatMap { try? CivilDate(parsing: $0) },
            regionCode: a.regionCode, today: today
        ).filter { !$0.passed && a.eligibilityOverrides[$0.id] == nil }
        return failed.isEmpty ? "Conforme" : Components.plural(failed.count, "critère à vérifier", "critères à vérifier")
    }

    func age(_ a: FundApplication) -> String {
        guard let deposit = a.submittedOn.flatMap({ try? CivilDate(parsing: $0) }) else { return "—" }
        let days = today.days(since: deposit)
        return days <= 0 ? "aujourd’hui" : Components.plural(days, "jour", "jours")
    }

    func render() -> String {
        let f = filter
        func select(_ name: String, _ label: String, _ options: [(String, String)], _ selected: String?) -> Node<HTML.FormContext> {
            Forms.select(name, label: label, options: [("", "Tous")] + options, selected: selected ?? "")
        }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        return Page(
            title: "Dossiers à traiter", section: .fund,
            breadcrumbs: [.init(label: "Fonds", url: .fund), .init(label: "Dossiers à traiter", url: nil)],
            content: .group(
                .h1("Dossiers à traiter"),
                .if(
                    !committeeRegions.isEmpty,
                    .p(
                        .text("Comités : "),
                        .forEach(committeeRegions) { code in
                            .a(
                                .class("fr-link fr-mr-2w"), .href(SiteURL.committee(code).path),
                                .text("comité de la région \(regions.first { $0.code == code }?.name ?? code)"))
                        })),
                .form(
                    .method(.get), .action(SiteURL.queue.path), .class("ti-filters fr-mb-3w"), .attribute(named: "role", value: "search"),
                    .ariaLabel("Filtrer les dossiers"),
                    select("appel", "Appel", calls.map { ($0.id!.uuidString, $0.title) }, f.appel),
                    select("region", "Région", regions.map { ($0.code, $0.name) }, f.region),
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
                    .text(Components.plural(total, "dossier", "dossiers")), .text(" · "),
                    .a(.href(SiteURL.queueCSV.path + f.query(page: nil)), "Exporter cette liste en CSV")),
                Components.table(
                    caption: "Dossiers",
                    header: [
                        "Référence", "Porteur et projet", "Région", "État", "Déposé depuis", "Éligibilité", "Instructeur",
                        "Aide demandée", "Emplois", "Signalements",
                    ],
                    rows: rows.map { a in
                        var flags: [String] = []
                        if answered.contains(a.id!) { flags.append("réponse du porteur à lire") }
                        if a.territoryID != nil { flags.append("TI") }
                        if a.fragile { flags.append("fragile") }
                        return [
                            Components.headerCell(a.reference ?? "—", .application(a.id!)),
                            .td(.strong(.text(a.carrierName ?? "—")), .br(), .span(.class("fr-text--sm"), .text(a.displayName))),
                            Components.cell(a.regionCode ?? "—"),
                            .td(Components.badgeCell(a.state.label, a.state.badge)),
                            Components.cell(age(a)), Components.cell(eligibility(a)),
                            Components.cell(a.assignedTo.flatMap { instructorNames[$0] } ?? "—"),
                            Components.moneyCell(a.requestedAidCents ?? 0),
                            Components.numberCell(a.jobsCreated ?? 0), Components.cell(flags.joined(separator: ", ")),
                        ]
                    }, numericColumns: [7, 8], empty: "Aucun dossier ne correspond à ces critères."),
                Components.pagination(page: page, pages: pages) { SiteURL.queue.path + f.query(page: $0) }
            )
        ).render()
    }
}
