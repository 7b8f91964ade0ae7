import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/projets-inspirants/{id}`: one project, its image, and the admins' review.
struct InspiringProjectPage {
    var project: InspiringProjects.Project
    var mayPublish: Bool
    var mayEdit = false
    var notice: String?
    var errors: [String: String] = [:]
    var reason = ""

    func render() -> String {
        let p = project
        let c = p.content
        return Page(
            title: c.title, section: .plans,
            breadcrumbs: [.init(label: "Projets inspirants", url: .inspiring), .init(label: c.title, url: nil)],
            content: .group(
                .div(
                    .class("ti-badges fr-mb-1w"), Components.badge(c.axis.label, kind: "info"),
                    .if(p.status != .published, Components.badge(p.status.label, kind: p.status.badge))),
                .h1(.text(c.title)),
                .p(
                    .class("fr-text--lead"), .text("Territoire d’industrie "),
                    .a(.href(SiteURL.territory(c.territory).path), .text(p.territoryName))),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .if(p.status == .returned, Forms.alert("warning", title: "Renvoyé", text: p.reviewReason)),
                .if(
                    p.hasImage,
                    .element(
                        named: "img",
                        attributes: [
                            .attribute(named: "src", value: SiteURL.inspiringImage(p.id).path),
                            .attribute(named: "alt", value: "Illustration du projet « \(c.title) »"), .class("ti-inspiring-image fr-mb-3w"),
                        ])),
                .p(.class("ti-prewrap"), .text(c.summary)),
                .unwrap(p.laureateID) { .p(.a(.href(SiteURL.laureate($0).path), "Le projet lauréat du fonds d’accélération")) },
                .unwrap(p.actionID) { id in
                    .p(.text("L’action du plan d’où il vient : "), .a(.href(SiteURL.action(id).path), .text(p.actionTitle ?? "")))
                },
                .unwrap(p.content.site) { id in
                    .p(.text("Sur le site clés en main "), .a(.href(SiteURL.site(id).path), .text(p.siteName ?? "")))
                },
                .if(
                    mayEdit,
                    .p(
                        .a(
                            .class("fr-btn fr-btn--secondary"), .href(SiteURL.inspiringEdit(p.id).path),
                            p.status == .returned ? "Modifier et proposer à nouveau" : "Modifier le projet"))),
                .if(mayPublish && p.status != .published, review)
            )
        ).render()
    }

    var review: Node<HTML.BodyContext> {
        let id = project.id
        return .group(
            .h2(.class("fr-mt-4w"), "Relecture"),
            .div(
                .class("fr-grid-row fr-grid-row--gutters"),
                .div(
                    .class("fr-col-12 fr-col-md-4"),
                    Forms.post(
                        action: SiteURL.inspiringReview(id).path, .input(.type(.hidden), .name("decision"), .value("publier")),
                        Forms.submit("Publier le projet"))),
                .div(
                    .class("fr-col-12 fr-col-md-8"),
                    Forms.post(
                        action: SiteURL.inspiringReview(id).path, .input(.type(.hidden), .name("decision"), .value("renvoyer")),
                        ApplicationShowPage.textarea("motif", "Motif du renvoi", reason, error: errors["motif"]),
                        Forms.submit("Renvoyer", secondary: true)))))
    }
}
