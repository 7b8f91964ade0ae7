import Plot
import TIDomain
import TIPersistence

struct TerritoryIndexPage {
    enum Status: String, CaseIterable {
        case all = ""
        case active = "actif"
        case inactive = "inactif"
        var label: String {
            switch self {
            case .all: "Tous"
            case .active: "Actifs"
            case .inactive: "Inactifs"
            }
        }
    }

    struct Model {
        var regions: [(code: String, name: String)]
        var selectedRegion: String?
        var query: String
        var status: Status
        var territories: [GeoQueries.TerritorySummary]
        var totalCount: Int
        var hasGeography: Bool
    }

    let model: Model

    func render() -> String {
        Page(
            title: "Les Territoires d’industrie", section: .territories,
            breadcrumbs: [.init(label: "Territoires", url: nil)], content: content
        ).render()
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Les Territoires d’industrie"),
            .p(
                .class("fr-text--lead"),
                "Chaque territoire d’industrie regroupe des intercommunalités autour d’un binôme élu–industriel. Retrouvez-les par région."),
            filters,
            results
        )
    }

    var filters: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.territories.path), .class("ti-filters fr-mb-4w"),
            .attribute(named: "role", value: "search"), .ariaLabel("Filtrer les territoires"),
            .div(
                .class("fr-select-group"),
                .label(.class("fr-label"), .for("filtre-region"), "Région"),
                .select(
                    .class("fr-select"), .id("filtre-region"), .attribute(named: "name", value: "region"),
                    Components.option(value: "", label: "Toutes les régions", selected: model.selectedRegion == nil),
                    .forEach(model.regions) { r in
                        Components.option(value: r.code, label: r.name, selected: model.selectedRegion == r.code)
                    })),
            .div(
                .class("fr-input-group"),
                .label(.class("fr-label"), .for("filtre-q"), "Nom du territoire"),
                .input(.class("fr-input"), .id("filtre-q"), .name("q"), .type(.search), .value(model.query))),
            .div(
                .class("fr-select-group"),
                .label(.class("fr-label"), .for("filtre-statut"), "Statut"),
                .select(
                    .class("fr-select"), .id("filtre-statut"), .attribute(named: "name", value: "statut"),
                    .forEach(Status.allCases) { s in Components.option(value: s.rawValue, label: s.label, selected: model.status == s) })),
            .div(
                .class("ti-filters__actions"),
                .button(.class("fr-btn"), .type(.submit), "Filtrer"),
                .a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.territories.path), "Réinitialiser"))
        )
    }

    var results: Node<HTML.BodyContext> {
        guard model.totalCount > 0 else {
            return Components.emptyState(
                title: "Aucun territoire d’industrie n’est encore enregistré",
                text: model.hasGeography
                    ? "La géographie est chargée. Importez le registre des territoires (voir le README, colonnes documentées) :"
                    : "Importez d’abord la géographie, puis le registre des territoires :",
                command: model.hasGeography
                    ? "ti import territories territoires.csv" : "ti import geo\nti import territories territoires.csv")
        }
        let names = Dictionary(uniqueKeysWithValues: model.regions.map { ($0.code, $0.name) })
        let groups = model.regions.compactMap { region -> (String, String, [GeoQueries.TerritorySummary])? in
            let items = model.territories.filter { $0.regions.contains(region.code) }
            return items.isEmpty ? nil : (region.code, region.name, items)
        }
        let orphans = model.territories.filter { $0.regions.isEmpty }
        return .div(
            .p(
                .class("ti-result-count"), .attribute(named: "role", value: "status"),
                .text(
                    "\(Components.plural(model.territories.count, "territoire", "territoires")) sur \(FrenchNumber.grouped(model.totalCount))"
                )),
            .if(
                model.territories.isEmpty,
                .div(.class("fr-callout"), .p(.class("fr-callout__text"), "Aucun territoire ne correspond à ces critères."))),
            .forEach(groups) { group in
                .section(
                    .class("fr-mb-6w"),
                    .h2(
                        .class("fr-h4"), .a(.href(SiteURL.region(group.0).path), .text(group.1)),
                        .text(" — \(Components.plural(group.2.count, "territoire", "territoires"))")),
                    table(caption: "Territoires d’industrie de la région \(group.1)", group.2, names: names))
            },
            .if(
                !orphans.isEmpty,
                .section(
                    .h2(.class("fr-h4"), "Sans intercommunalité membre"), table(caption: "Territoires sans membre", orphans, names: names)))
        )
    }

    func table(caption: String, _ items: [GeoQueries.TerritorySummary], names: [String: String]) -> Node<HTML.BodyContext> {
        Components.table(
            caption: caption,
            header: ["Territoire", "Départements", "Intercommunalités", "Communes", "Population", "Chef de projet"],
            rows: items.map { t in
                [
                    .th(
                        .attribute(named: "scope", value: "row"), .a(.href(SiteURL.territory(t.id).path), .text(t.name)),
                        .if(t.regions.count > 1, .text(" (interrégional)")), .if(!t.active, .text(" (inactif)"))),
                    Components.cell(t.departements.joined(separator: ", ")),
                    Components.numberCell(t.epcis.count),
                    Components.numberCell(t.communes),
                    Components.numberCell(t.population),
                    Components.cell(t.fundedProjectLead ? "Oui (cofinancé FNADT)" : t.hasProjectLead ? "Oui" : "—"),
                ]
            },
            numericColumns: [2, 3, 4])
    }
}
