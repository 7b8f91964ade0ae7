import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/sites`: the turnkey industrial sites qualified at a date, with the filters and their figures.
struct SitesPage {
    struct Model {
        var sites: [SiteQueries.Site]
        var query: SitesQuery
        var asOf: CivilDate
        var regions: [(code: String, name: String)]
    }

    let model: Model

    func render() -> String {
        let m = model
        let q = m.query
        let byWave = SiteWave.allCases.map { w in (w, m.sites.filter { $0.content.wave == w }.count) }
        return Page(
            title: "Sites industriels clés en main", section: .map, breadcrumbs: [.init(label: "Sites clés en main", url: nil)],
            content: .group(
                .h1("Sites industriels clés en main"),
                .p(
                    .class("fr-text--lead"),
                    "Des sites prêts à accueillir une usine : les procédures d’urbanisme, d’archéologie préventive et d’environnement y ont été anticipées ou purgées."
                ),
                .form(
                    .method(.get), .action(SiteURL.sites.path), .class("ti-filters fr-mb-3w"), .ariaLabel("Filtrer les sites"),
                    Forms.field("as_of", label: "Qualifiés au", type: .date, value: m.asOf.iso, required: false),
                    Forms.select(
                        "region", label: "Région", options: [("", "France entière")] + m.regions.map { ($0.code, $0.name) },
                        selected: q.region ?? ""),
                    Forms.select(
                        "vague", label: "Vague", options: [("", "Toutes")] + SiteWave.allCases.map { ($0.rawValue, $0.label) },
                        selected: q.vague ?? ""),
                    Forms.select(
                        "procedures", label: "Procédures", options: [("", "Toutes"), ("toutes", "Les trois purgées")],
                        selected: q.procedures ?? ""),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Filtrer"),
                        .a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.sites.path), "Réinitialiser"))),
                .p(.class("ti-as-of fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w"), .text("Sites qualifiés au \(m.asOf.french)")),
                Components.figures(
                    [.init(value: FrenchNumber.grouped(m.sites.count), label: m.sites.count > 1 ? "sites qualifiés" : "site qualifié")]
                        + byWave.filter { $0.1 > 0 }.map { .init(value: FrenchNumber.grouped($0.1), label: $0.0.label) }),
                .p(
                    .class("fr-text--sm"), .a(.href(SiteURL.sitesCSV.path + q.queryString), "Télécharger (CSV)"), .text(" · "),
                    .a(.href(SiteURL.sitesGeoJSON.path + q.queryString), "GeoJSON"), .text(" · "),
                    .a(.href(SiteURL.map.path + "?sites=oui"), "Voir les sites sur la carte")),
                Components.table(
                    caption: "Sites",
                    header: ["Site", "Commune", "Territoire d’industrie", "Surface (disponible)", "Procédures purgées", "Vague"],
                    rows: m.sites.map { s in
                        [
                            Components.headerCell(s.content.name, .site(s.id)),
                            Components.cell("\(s.communeName) (\(s.departement))"),
                            Components.cell(s.territoryName ?? "—"),
                            Components.cell("\(SiteContent.hectares(s.content.surface)) (\(SiteContent.hectares(s.content.available)))"),
                            Components.cell(SitePage.procedures(s.content)),
                            Components.cell(s.content.wave.label),
                        ]
                    }, empty: "Aucun site ne correspond à ces critères.")
            )
        ).render()
    }
}

/// The catalogue's filters, as GET parameters.
struct SitesQuery: Codable, Sendable, Equatable {
    var asOf: String?
    var region: String?
    var vague: String?
    var procedures: String?
    /// The API's page (100 sites a page).
    var page: Int?

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case region, vague, procedures, page
    }

    var queryString: String {
        let items = [("as_of", asOf), ("region", region), ("vague", vague), ("procedures", procedures)].compactMap { k, v in
            v.flatMap { $0.isEmpty ? nil : "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    func filter(today: CivilDate, regions: Set<String>) throws -> SiteQueries.Filter {
        var date = today
        if let raw = asOf, !raw.isEmpty { do { date = try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) } }
        var wave: SiteWave?
        if let raw = vague, !raw.isEmpty {
            guard let w = SiteWave(rawValue: raw) else { throw AppError.badRequest("vague_inconnue", "Vague « \(raw) » inconnue.") }
            wave = w
        }
        let region = region.flatMap { $0.isEmpty ? nil : $0 }
        if let region, !regions.contains(region) { throw AppError.badRequest("region_inconnue", "La région « \(region) » n’existe pas.") }
        return SiteQueries.Filter(asOf: date, region: region, wave: wave, fullyCleared: procedures == "toutes")
    }
}
