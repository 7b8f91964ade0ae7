import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/plans`: every validated action of every territory, filtered, with their figures.
struct PlansPage {
    struct Model {
        var actions: [ActionSummary]
        var total: Int
        var figures: ActionPlanFigures
        var query: PlansQuery
        var page: Int
        var pageCount: Int
        var regions: [(code: String, name: String)]
    }

    let model: Model

    func render() -> String {
        let m = model
        let q = m.query
        return Page(
            title: "Plans d’actions des territoires", section: .plans, breadcrumbs: [.init(label: "Plans d’actions", url: nil)],
            content: .group(
                .h1("Plans d’actions des territoires"),
                .p(
                    .class("fr-text--lead"),
                    "Les projets élaborés par les binômes élus-industriels de chaque Territoire d’industrie, validés par leur Région."),
                .p(.a(.href(SiteURL.inspiring.path), "Des projets inspirants, racontés par les territoires")),
                .form(
                    .method(.get), .action(SiteURL.plans.path), .class("ti-filters fr-mb-3w"), .ariaLabel("Filtrer les actions"),
                    Forms.select(
                        "region", label: "Région", options: [("", "France entière")] + m.regions.map { ($0.code, $0.name) },
                        selected: q.region ?? ""),
                    Forms.select("axe", label: "Axe", options: ActionViews.options(ActionAxis.self, label: \.label), selected: q.axe ?? ""),
                    Forms.select(
                        "theme", label: "Thématique", options: ActionViews.options(ActionTheme.self, label: \.label, any: "Toutes"),
                        selected: q.theme ?? ""),
                    Forms.select(
                        "porteur", label: "Porteur", options: ActionViews.options(ActionCarrierType.self, label: \.label),
                        selected: q.porteur ?? ""),
                    Forms.select(
                        "statut", label: "Statut", options: ActionViews.options(ActionStatus.self, label: \.label), selected: q.statut ?? ""
                    ),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Filtrer"),
                        .a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.plans.path), "Réinitialiser"))),
                ActionViews.figures(m.figures),
                .p(
                    .class("ti-result-count"), .text(Components.plural(m.total, "action", "actions")), .text(" · "),
                    .a(.href(SiteURL.plansCSV.path + q.queryString(page: nil)), "Télécharger en CSV")),
                ActionViews.table(
                    m.actions, caption: "Actions", territoryColumn: true, review: false,
                    empty: "Aucune action ne correspond à ces critères."),
                Components.pagination(page: m.page, pages: m.pageCount) { SiteURL.plans.path + q.queryString(page: $0) }
            )
        ).render()
    }
}

/// The national list's filters, as GET parameters (a shareable URL).
struct PlansQuery: Codable, Sendable, Equatable {
    var region: String?
    var axe: String?
    var theme: String?
    var porteur: String?
    var statut: String?
    var page: Int?

    func queryString(page: Int?) -> String {
        var items: [String] = []
        for (k, v) in [("region", region), ("axe", axe), ("theme", theme), ("porteur", porteur), ("statut", statut)] {
            if let v, !v.isEmpty { items.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        }
        if let page { items.append("page=\(page)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    /// The filter, or a 400 naming the value that is not one of the lists'.
    func filter(territoriesOfRegion: (String) -> [String]?) throws -> ActionQueries.Filter {
        func parse<T: RawRepresentable>(_ raw: String?, _ name: String) throws -> T? where T.RawValue == String {
            guard let raw, !raw.isEmpty else { return nil }
            guard let v = T(rawValue: raw) else {
                throw AppError.badRequest("filtre_inconnu", "Valeur « \(raw) » inconnue pour « \(name) ».")
            }
            return v
        }
        var territories: [String]?
        if let r = region, !r.isEmpty {
            guard let list = territoriesOfRegion(r) else {
                throw AppError.badRequest("region_inconnue", "La région « \(r) » n’existe pas.")
            }
            territories = list
        }
        return ActionQueries.Filter(
            territories: territories, axis: try parse(axe, "axe"), theme: try parse(theme, "theme"), carrier: try parse(porteur, "porteur"),
            status: try parse(statut, "statut"))
    }
}
