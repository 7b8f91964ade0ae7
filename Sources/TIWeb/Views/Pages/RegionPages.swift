import Plot
import TIDomain
import TIPersistence

struct RegionIndexPage {
    var regions: [GeoQueries.RegionSummary]
    var map: String?

    func render() -> String {
        Page(
            title: "Les régions", section: .territories,
            breadcrumbs: [.init(label: "Territoires", url: .territories), .init(label: "Régions", url: nil)],
            content: .group(
                .h1("Les régions"),
                .if(
                    regions.isEmpty,
                    Components.emptyState(
                        title: "La géographie n’est pas encore importée",
                        text: "Chargez les régions, départements, intercommunalités et communes :",
                        command: "ti import geo")),
                .unwrap(map) { Components.map(svg: $0, caption: "Les régions de France.", file: .mapRegions) },
                Components.table(
                    caption: "Les régions et leurs territoires d’industrie",
                    header: ["Région", "Départements", "Intercommunalités", "Communes", "Population", "Territoires d’industrie"],
                    rows: regions.map { r in
                        [
                            Components.headerCell(r.name, .region(r.code)), Components.numberCell(r.departements),
                            Components.numberCell(r.epcis), Components.numberCell(r.communes),
                            Components.numberCell(r.population), Components.numberCell(r.territories),
                        ]
                    }, numericColumns: [1, 2, 3, 4, 5])
            )
        ).render()
    }
}

struct RegionShowPage {
    struct Model {
        var code: String
        var name: String
        /// The date of the figures (TI in the programme then, the fund's figures then).
        var asOf: CivilDate
        var summary: GeoQueries.RegionSummary
        var departements: [(code: String, name: String, stats: GeoQueries.DepartementStats)]
        var territories: [GeoQueries.TerritorySummary]
        var map: String?
        var dashboard: String
    }

    let model: Model

    func render() -> String {
        Page(
            title: model.name, section: .territories,
            breadcrumbs: [
                .init(label: "Territoires", url: .territories), .init(label: "Régions", url: .regions),
                .init(label: model.name, url: nil),
            ],
            content: content
        ).render()
    }

    var content: Node<HTML.BodyContext> {
        let s = model.summary
        let inTerritory = model.territories.reduce(0) { $0 + $1.population }
        return .group(
            .h1(.text(model.name)),
            Forms.asOf(action: SiteURL.region(model.code).path, date: model.asOf),
            Components.figures([
                .init(
                    value: FrenchNumber.grouped(model.territories.count), label: "territoires d’industrie au \(model.asOf.french)",
                    note: model.territories.contains { $0.regions.count > 1 } ? "dont interrégionaux, comptés dans chaque région" : nil),
                .init(value: FrenchNumber.grouped(s.population), label: "habitants", note: "population municipale 2017"),
                .init(
                    value: s.population > 0 ? FrenchNumber.percent(Double(inTerritory) / Double(s.population)) : "—",
                    label: "de la population dans un territoire d’industrie", note: "périmètres interrégionaux comptés en entier"),
                .init(value: FrenchNumber.grouped(s.epcis), label: "intercommunalités"),
                .init(value: FrenchNumber.grouped(s.communes), label: "communes"),
            ]),
            .unwrap(model.map) {
                Components.map(svg: $0, caption: "Intercommunalités de la région \(model.name).", file: .mapRegionEpcis(model.code))
            },
            .h2(.class("fr-mt-4w"), "Le fonds d’accélération dans la région"),
            .raw(model.dashboard),
            .p(
                .a(
                    .class("fr-link"), .href(SiteURL.indicators.path + "?region=\(model.code)&as_of=\(model.asOf.iso)"),
                    "Tous les indicateurs de la région")),
            .h2(.class("fr-mt-4w"), "Territoires d’industrie"),
            Components.table(
                caption: "Territoires d’industrie de la région \(model.name)",
                header: ["Territoire", "Départements", "Intercommunalités", "Communes", "Population"],
                rows: model.territories.map { t in
                    [
                        Components.headerCell(t.name + (t.regions.count > 1 ? " (interrégional)" : ""), .territory(t.id)),
                        Components.cell(t.departements.joined(separator: ", ")), Components.numberCell(t.epcis.count),
                        Components.numberCell(t.communes), Components.numberCell(t.population),
                    ]
                }, numericColumns: [2, 3, 4], empty: "Aucun territoire d’industrie n’est enregistré dans cette région."),
            .h2(.class("fr-mt-4w"), "Départements"),
            Components.table(
                caption: "Départements de la région \(model.name)",
                header: ["Département", "Code", "Communes", "Population"],
                rows: model.departements.map { d in
                    [
                        Components.headerCell(d.name, .departement(d.code)), Components.cell(d.code),
                        Components.numberCell(d.stats.communes), Components.numberCell(d.stats.population),
                    ]
                }, numericColumns: [2, 3])
        )
    }
}

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
                            e.territory.map { Components.linkCell(model.territoryNames[$0] ?? $0, .territory($0)) } ?? Components.cell("—"),
                            Components.numberCell(e.communes), Components.numberCell(e.population),
                        ]
                    }, numericColumns: [3, 4])
            )
        ).render()
    }
}
