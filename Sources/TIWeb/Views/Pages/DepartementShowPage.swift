import Plot
import TIDomain
import TIPersistence

struct DepartementShowPage {
    struct Model {
        var code: String
        var name: String
        var regionCode: String
        var regionName: String
        var stats: GeoQueries.DepartementStats
        var epcis: [GeoQueries.EpciStats]
        var territoryNames: [String: String]
    }

    let model: Model

    func render() -> String {
        Page(
            title: "\(model.name) (\(model.code))", section: .territories,
            breadcrumbs: [
                .init(label: "Régions", url: .regions), .init(label: model.regionName, url: .region(model.regionCode)),
                .init(label: model.name, url: nil),
            ],
            content: .group(
                .h1(.text("\(model.name) (\(model.code))")),
                .p(
                    .class("fr-text--lead"), "Département de la région ",
                    .a(.href(SiteURL.region(model.regionCode).path), .text(model.regionName)), "."),
                Components.figures([
                    .init(value: FrenchNumber.grouped(model.stats.population), label: "habitants", note: "population municipale 2017"),
                    .init(value: FrenchNumber.grouped(model.stats.communes), label: "communes"),
                    .init(value: FrenchNumber.grouped(model.epcis.count), label: "intercommunalités"),
                    .init(value: FrenchNumber.grouped(Set(model.epcis.compactMap(\.territory)).count), label: "territoires d’industrie"),
                ]),
                .h2("Intercommunalités"),
                Components.table(
                    caption: "Intercommunalités présentes dans le département",
                    header: ["Intercommunalité", "Nature", "Territoire d’industrie", "Communes (toutes)", "Population (toute)"],
                    rows: model.epcis.map { e in
                        [
                            Components.cell(e.name + (e.departements.count > 1 ? " (plusieurs départements)" : "")),
                            Components.cell(e.kind.label),
                            e.territory.flatMap(TerritoryID.init).map {
                                Components.linkCell(model.territoryNames[$0.rawValue] ?? $0.rawValue, .territory($0))
                            }
                                ?? Components.cell("—"),
                            Components.numberCell(e.communes), Components.numberCell(e.population),
                        ]
                    }, numericColumns: [3, 4])
            )
        ).render()
    }
}
