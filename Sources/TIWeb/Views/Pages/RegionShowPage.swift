import Plot
import TIDomain
import TIPersistence

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
        /// The région's action plans at the date.
        var actions: ActionPlanFigures? = nil
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
            .unwrap(model.actions) { IndicatorsPage.actionPlans($0, plans: SiteURL.plans.path + "?region=\(model.code)") },
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
