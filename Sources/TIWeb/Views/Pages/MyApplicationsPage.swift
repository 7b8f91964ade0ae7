import Foundation
import Plot
import TIDomain
import TIPersistence

struct MyApplicationsPage {
    /// The applicant's files and the title of their call.
    var applications: [(application: ApplicationDetail, callTitle: String)]
    var notifications: [ApplicationQueue.Notice]
    var openCalls: [CallSummary]
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
                            .forEach(openCalls) { .a(.href(SiteURL.fundCall($0.id).path), .text($0.title + " ")) }))),
                Components.table(
                    caption: "Mes dossiers", header: ["Dossier", "Appel", "État", "Prochaine étape", "Mis à jour"],
                    rows: applications.map { a, callTitle in
                        [
                            Components.headerCell(
                                a.reference.map { "\($0) — \(a.displayName)" } ?? "Brouillon — \(a.displayName)",
                                .application(a.id)),
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
