import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/projets-inspirants`: the territories' case studies under the programme's four priorities.
struct InspiringProjectsPage {
    var projects: [InspiringProjects.Project]
    /// Signed-in editors (territory, Région, admin) may propose one.
    var mayPropose: Bool
    var seesPending: Bool

    func render() -> String {
        Page(
            title: "Projets inspirants", section: .plans, breadcrumbs: [.init(label: "Projets inspirants", url: nil)],
            content: .group(
                .h1("Projets inspirants"),
                .p(
                    .class("fr-text--lead"),
                    "Des projets des Territoires d’industrie, sous les quatre priorités du programme : attirer, recruter, innover, simplifier."
                ),
                .if(mayPropose, .p(.a(.class("fr-btn"), .href(SiteURL.inspiringNew.path), "Proposer un projet"))),
                .forEach(ActionAxis.allCases) { axis in
                    let items = projects.filter { $0.content.axis == axis }
                    return .group(
                        .h2(.class("fr-h4 fr-mt-4w"), .text(axis.label)),
                        items.isEmpty
                            ? .p(.class("fr-text--sm"), "Aucun projet publié sous cette priorité.")
                            : .ul(
                                .forEach(items) { p in
                                    .li(
                                        .a(.href(SiteURL.inspiringProject(p.id).path), .text(p.content.title)),
                                        .text(" — \(p.territoryName)"),
                                        .if(seesPending && p.status != .published, .text(" "), else: .empty),
                                        .if(seesPending && p.status != .published, Components.badge(p.status.label, kind: p.status.badge)))
                                }))
                }
            )
        ).render()
    }
}
