import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/sites/{id}`: one turnkey site.
struct SitePage {
    var site: SiteQueries.Site
    var mayEdit = false

    static func procedures(_ c: SiteContent) -> String {
        let cleared = [(c.planningCleared, "urbanisme"), (c.archaeologyCleared, "archéologie"), (c.environmentCleared, "environnement")]
            .filter(\.0).map(\.1)
        return cleared.isEmpty ? "aucune" : cleared.joined(separator: ", ")
    }

    func render() -> String {
        let s = site
        let c = s.content
        return Page(
            title: c.name, section: .map,
            breadcrumbs: [.init(label: "Sites clés en main", url: .sites), .init(label: c.name, url: nil)],
            content: .group(
                .div(
                    .class("ti-badges fr-mb-1w"), Components.badge("Site industriel clés en main", kind: "info"),
                    .if(c.fullyCleared, Components.badge("Procédures purgées", kind: "success"))),
                .h1(.text(c.name)),
                .dl(
                    .class("ti-definitions"),
                    .dt("Commune"), .dd(.text("\(s.communeName) (\(c.commune.rawValue), département \(s.departement))")),
                    .dt("Territoire d’industrie"),
                    .dd(
                        s.territory.flatMap(TerritoryID.init).map {
                            .a(.href(SiteURL.territory($0).path), .text(s.territoryName ?? $0.rawValue))
                        }
                            ?? .text("Hors Territoire d’industrie")),
                    .dt("Surface"), .dd(.text("\(SiteContent.hectares(c.surface)), dont \(SiteContent.hectares(c.available)) disponibles")),
                    .dt("Procédures purgées"), .dd(.text(Self.procedures(c))),
                    .dt("Qualification"), .dd(.text("\(c.wave.label), le \(c.wave.date.french)")),
                    .dt("Contact"), .dd(.text([c.contactName, c.contactEmail].compactMap { $0 }.joined(separator: " — ").nonEmpty ?? "—")),
                    .dt("Implantations"), .dd(.text(c.settled ?? "Aucune implantation enregistrée")),
                    .if(
                        s.laureateID != nil,
                        .group(
                            .dt("Lauréat du fonds"),
                            .dd(
                                .unwrap(s.laureateID) {
                                    .a(.href(SiteURL.laureate($0).path), "Voir le projet lauréat installé sur le site")
                                })))),
                .if(mayEdit, .p(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminSite(s.id).path), "Modifier le site")))
            )
        ).render()
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
