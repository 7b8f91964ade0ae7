import Foundation
import Plot
import TIDomain
import TIPersistence

struct MapPage {
    var measure: MapPageController.Measure
    var byRegion: Bool
    var perInhabitant: Bool
    var asOf: CivilDate
    var showPoints: Bool
    var svg: String?
    var legend: [(String, String)]
    /// Why and how the laureates are grouped, when there are too many for a dot each.
    var grouping: String?
    var areas: [MapPageController.Area]
    var laureates: Int
    var inside: Int
    var query: MapPageController.Query

    var queryString: String {
        let items = [
            ("mesure", measure.rawValue), ("niveau", byRegion ? "region" : "departement"), ("par_habitant", perInhabitant ? "oui" : ""),
            ("as_of", query.asOf ?? ""), ("sites", query.sites ?? ""),
        ].filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1)" }
        return "?" + items.joined(separator: "&")
    }

    func render() -> String {
        Page(
            title: "Carte", section: .map, breadcrumbs: [.init(label: "Carte", url: nil)],
            content: .group(
                .h1("Carte des lauréats et des territoires"),
                .form(
                    .method(.get), .action(SiteURL.map.path), .class("ti-filters fr-mb-3w"), .ariaLabel("Choisir la mesure et le niveau"),
                    Forms.select(
                        "mesure", label: "Mesure", options: MapPageController.Measure.allCases.map { ($0.rawValue, $0.label) },
                        selected: measure.rawValue),
                    Forms.select(
                        "niveau", label: "Niveau", options: [("region", "Régions"), ("departement", "Départements")],
                        selected: byRegion ? "region" : "departement"),
                    Forms.select(
                        "par_habitant", label: "Rapporté à la population", options: [("", "Non"), ("oui", "Pour 10 000 habitants")],
                        selected: perInhabitant ? "oui" : ""),
                    Forms.select(
                        "points", label: "Lauréats", options: [("", "Afficher"), ("non", "Masquer")], selected: showPoints ? "" : "non"),
                    Forms.select(
                        "sites", label: "Sites clés en main", options: [("", "Masquer"), ("oui", "Afficher")], selected: query.sites ?? ""),
                    Forms.field("as_of", label: "Situation au", type: .date, value: query.asOf ?? "", required: false),
                    .div(.class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Afficher"))),
                .p(
                    .text(
                        "\(Components.plural(laureates, "lauréat", "lauréats")) au \(asOf.french), dont \(FrenchNumber.grouped(inside)) dans un Territoire d’industrie (\(laureates > 0 ? FrenchNumber.percent(Double(inside) / Double(laureates)) : "—"))."
                    )),
                .unwrap(grouping) { .p(.class("fr-text--sm"), .text($0)) },
                svg.map { svg in
                    .element(
                        named: "figure",
                        nodes: [
                            .class("ti-map"), .raw(svg),
                            .element(
                                named: "figcaption",
                                nodes: [
                                    .class("fr-text--sm"),
                                    .ul(
                                        .class("ti-legend"),
                                        .forEach(
                                            legend
                                                + (showPoints
                                                    ? [
                                                        ("Lauréat dans un Territoire d’industrie", LaureateMarkers.insideFill),
                                                        ("Lauréat hors territoire", LaureateMarkers.outsideFill),
                                                    ] : [])
                                        ) { item in
                                            .li(
                                                .span(
                                                    .class("ti-swatch ti-swatch--\(item.1.replacingOccurrences(of: "#", with: ""))"),
                                                    .attribute(named: "aria-hidden", value: "true")), .text(item.0))
                                        }),
                                    .text(
                                        grouping == nil
                                            ? "Cliquez sur une zone pour sa page, sur un point pour la fiche du lauréat. "
                                            : "Cliquez sur une zone pour sa page, sur un cercle pour la page du département. "),
                                    .a(.href(SiteURL.mapLayer("zones.geojson").path + queryString), "Zones (GeoJSON)"), .text(" · "),
                                    .a(.href(SiteURL.mapLayer("laureats.geojson").path + queryString), "Lauréats (GeoJSON)"), .text(" · "),
                                    .a(.href(SiteURL.mapLayer("territoires.geojson").path), "Territoires d’industrie (GeoJSON)"),
                                ]),
                        ])
                }
                    ?? Components.emptyState(
                        title: "La géographie n’est pas encore importée", text: "Chargez les contours officiels :", command: "ti import geo"
                    ),
                .h2(.class("fr-mt-4w"), .text("\(measure.label) par \(byRegion ? "région" : "département")")),
                Components.table(
                    caption: "\(measure.label) par \(byRegion ? "région" : "département")",
                    header: [
                        byRegion ? "Région" : "Département", measure.label + (perInhabitant ? " pour 10 000 habitants" : ""), "Population",
                    ],
                    rows: areas.map { a in
                        [
                            Components.linkCell(a.name, byRegion ? .region(a.code) : .departement(a.code)),
                            .td(
                                .class("fr-cell--right ti-num"),
                                .text(MapPageController.format(a.value, measure, perInhabitant: perInhabitant))),
                            Components.numberCell(a.population),
                        ]
                    }, numericColumns: [1, 2]),
                .p(.a(.href(SiteURL.mapLayer("zones.csv").path + queryString), "Télécharger les données (CSV)")),
                .h2(.class("fr-mt-4w"), "Autres cartes"),
                .ul(
                    .li(.a(.href(SiteURL.mapTerritories.path), "Couverture nationale des Territoires d’industrie (SVG)")),
                    .li(.a(.href(SiteURL.mapRegions.path), "Régions (SVG)")),
                    .li(.a(.href(SiteURL.mapDepartements.path), "Départements (SVG)")),
                    .li(.a(.href(SiteURL.sites.path), "Le catalogue des sites industriels clés en main")))
            )
        ).render()
    }
}
