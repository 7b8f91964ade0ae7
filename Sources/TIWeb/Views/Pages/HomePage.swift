import Plot
import TIDomain
import TIPersistence

struct HomePage {
    var counts: GeoQueries.Counts
    var map: String?
    var figures: [String: IndicatorResult] = [:]

    var programmeFigures: [Components.Figure] {
        guard let count = figures["laureates.count"], count.result.value > 0 else {
            return [
                .init(value: FrenchNumber.grouped(counts.territories), label: "territoires d’industrie enregistrés"),
                .init(value: FrenchNumber.grouped(counts.epcis), label: "intercommunalités"),
                .init(value: FrenchNumber.grouped(counts.communes), label: "communes"),
                .init(value: FrenchNumber.grouped(counts.regions), label: "régions"),
            ]
        }
        func f(_ id: String, _ label: String) -> Components.Figure? {
            figures[id].map { .init(value: Dashboard.format($0.result, unit: $0.unit), label: label) }
        }
        return [
            .init(value: FrenchNumber.grouped(counts.territories), label: "Territoires d’industrie"),
            f("laureates.count", "projets lauréats du fonds d’accélération"),
            f("laureates.aid_eur", "d’aide de l’État et des Régions"),
            f("laureates.jobs_planned", "emplois prévus"),
        ].compactMap { $0 }
    }

    func render() -> String {
        Page(
            title: "Accueil",
            content: .group(
                .div(
                    .class("fr-grid-row fr-grid-row--gutters fr-mt-4w"),
                    .div(
                        .class("fr-col-12 fr-col-lg-6"),
                        .h1("Territoires d’industrie"),
                        .p(
                            .class("fr-text--lead"),
                            "Le programme de reconquête industrielle lancé en 2018 accompagne les territoires les plus industriels, pilotés par un binôme élu–industriel, et finance les projets de leurs entreprises par le fonds d’accélération des investissements industriels."
                        ),
                        Components.figures(programmeFigures, columns: 2),
                        .p(.class("fr-text--sm"), .a(.href(SiteURL.indicators.path), "Tous les indicateurs, par région et par territoire")),
                        .ul(
                            .class("fr-btns-group fr-btns-group--inline-md fr-mt-3w"),
                            .li(.a(.class("fr-btn"), .href(SiteURL.territories.path), "Trouver un territoire")),
                            .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.map.path), "Voir la carte")),
                            .li(.a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.data.path), "Données et API")))),
                    .div(
                        .class("fr-col-12 fr-col-lg-6"),
                        map.map { Components.map(svg: $0, caption: "Les Territoires d’industrie.", file: .mapTerritories) }
                            ?? Components.emptyState(
                                title: "La géographie n’est pas encore importée",
                                text: "Chargez les contours officiels pour afficher la carte :", command: "ti import geo")))
            )
        ).render()
    }
}
