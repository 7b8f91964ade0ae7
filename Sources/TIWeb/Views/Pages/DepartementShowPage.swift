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
        var asOf: CivilDate
        var pagination: Pagination
        var laureateCount: Int
        var laureatesInside: Int
        /// This page's laureates.
        var laureates: [LaureatePoint]
    }

    let model: Model

    /// A territory's name linking to its page, or a dash.
    func territoryCell(_ id: String?) -> Node<HTML.TableRowContext> {
        id.flatMap(TerritoryID.init).map { Components.linkCell(model.territoryNames[$0.rawValue] ?? $0.rawValue, .territory($0)) }
            ?? Components.cell("—")
    }

    /// The fund's laureates in the département today, 50 a page, each leading to its public page.
    var laureates: Node<HTML.BodyContext> {
        let pages = model.pagination.pageCount(total: model.laureateCount)
        let summary: String
        if model.laureateCount == 0 {
            summary = "Aucun lauréat du fonds d’accélération dans ce département au \(model.asOf.french)."
        } else if model.laureates.isEmpty {
            summary =
                "Cette page est vide : le département compte \(Components.plural(model.laureateCount, "lauréat", "lauréats")) sur \(Components.plural(pages, "page", "pages"))."
        } else {
            summary =
                "\(Components.plural(model.laureateCount, "lauréat", "lauréats")) au \(model.asOf.french), dont \(FrenchNumber.grouped(model.laureatesInside)) dans un Territoire d’industrie"
                + (pages > 1 ? " ; page \(model.pagination.page) sur \(pages)." : ".")
        }
        return .group(
            .h2(.id("laureats"), "Lauréats du fonds d’accélération"),
            .p(.text(summary)),
            .if(
                !model.laureates.isEmpty,
                Components.table(
                    caption: "Lauréats du département au \(model.asOf.french)",
                    header: ["Lauréat", "Commune", "Territoire d’industrie", "Aide accordée", "Emplois prévus"],
                    rows: model.laureates.map { l in
                        [
                            Components.linkCell(l.name, .laureate(l.id)), Components.cell(l.communeName),
                            territoryCell(l.territory),
                            Components.moneyCell(l.aid.cents), Components.numberCell(l.jobs),
                        ]
                    }, numericColumns: [3, 4])),
            Components.pagination(page: model.pagination.page, pages: pages) {
                SiteURL.departement(model.code).path + "?page=\($0)#laureats"
            })
    }

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
                    .init(value: FrenchNumber.grouped(model.laureateCount), label: "lauréats du fonds", note: "au \(model.asOf.french)"),
                ]),
                laureates,
                .h2("Intercommunalités"),
                Components.table(
                    caption: "Intercommunalités présentes dans le département",
                    header: ["Intercommunalité", "Nature", "Territoire d’industrie", "Communes (toutes)", "Population (toute)"],
                    rows: model.epcis.map { e in
                        [
                            Components.cell(e.name + (e.departements.count > 1 ? " (plusieurs départements)" : "")),
                            Components.cell(e.kind.label),
                            territoryCell(e.territory),
                            Components.numberCell(e.communes), Components.numberCell(e.population),
                        ]
                    }, numericColumns: [3, 4])
            )
        ).render()
    }
}
