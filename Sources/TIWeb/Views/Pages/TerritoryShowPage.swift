import Plot
import TIDomain
import TIPersistence

struct TerritoryShowPage {
    struct Model {
        var dashboard: String
        /// The territory's action plan at the date.
        var actions: ActionPlanFigures? = nil
        /// The date of the fund's figures.
        var asOf: CivilDate
        var territory: TerritoryProfile
        var summary: GeoQueries.TerritorySummary
        var members: [GeoQueries.EpciStats]
        var communes: [GeoQueries.CommuneRow]
        var regions: [(code: String, name: String)]
        var departements: [(code: String, name: String)]
        var maps: [(code: String, name: String, svg: String)]
        /// The signed-in territory's own page: a way to its files.
        var ownFiles = false
    }

    let model: Model

    func render() -> String {
        var crumbs: [Page.Crumb] = [.init(label: "Territoires", url: .territories)]
        if let region = model.regions.first { crumbs.append(.init(label: region.name, url: .region(region.code))) }
        crumbs.append(.init(label: model.territory.name, url: nil))
        return Page(title: model.territory.name, section: .territories, breadcrumbs: crumbs, content: content).render()
    }

    var content: Node<HTML.BodyContext> {
        let t = model.territory
        return .group(
            .h1(.text(t.name)),
            .div(
                .class("ti-badges fr-mb-3w"),
                Components.badge("Territoire d’industrie", kind: "info"),
                .unwrap(t.endDate) { Components.badge("Sorti du programme le \($0.french)", kind: "warning") },
                .if(!t.active && t.endDate == nil, Components.badge("Inactif", kind: "warning")),
                .if(model.regions.count > 1, Components.badge("Interrégional", kind: "new"))),
            .p(.class("fr-text--lead"), .text(placeLine)),
            Components.figures([
                .init(value: FrenchNumber.grouped(model.summary.population), label: "habitants", note: "population municipale 2017"),
                .init(
                    value: FrenchNumber.grouped(model.members.count),
                    label: model.members.count > 1 ? "intercommunalités" : "intercommunalité"),
                .init(value: FrenchNumber.grouped(model.communes.count), label: "communes"),
                .init(value: t.labelDate?.french ?? "—", label: "date de labellisation"),
            ]),
            .div(
                .class("fr-grid-row fr-grid-row--gutters fr-mt-2w"),
                .div(
                    .class("fr-col-12 fr-col-lg-8"),
                    .h2("Périmètre"),
                    .if(model.maps.isEmpty, .p("Le contour de ce territoire n’est pas encore calculé.")),
                    .forEach(model.maps) { map in
                        Components.map(
                            svg: map.svg, caption: "Le territoire dans la région \(map.name).",
                            file: .mapRegionEpcis(map.code))
                    }),
                .div(.class("fr-col-12 fr-col-lg-4"), governance)),
            .h2(.class("fr-mt-4w"), "Plan d’actions"),
            .p(
                .text("Les projets élaborés par le binôme élu-industriel du territoire, validés par la Région. "),
                .a(.href(SiteURL.territoryPlan(t.id).path), .text("Voir le plan d’actions de \(t.name)"))),
            .h2(.class("fr-mt-4w"), "Le fonds d’accélération dans le territoire"),
            Forms.asOf(action: SiteURL.territory(t.id).path, date: model.asOf),
            .if(model.ownFiles, .p(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.queue.path), "Voir les dossiers du territoire"))),
            .raw(model.dashboard),
            .unwrap(model.actions) { IndicatorsPage.actionPlans($0, plans: SiteURL.territoryPlan(t.id).path) },
            .h2(.class("fr-mt-4w"), "Intercommunalités membres"),
            Components.table(
                caption: "Intercommunalités membres de \(t.name)",
                header: ["Intercommunalité", "Nature", "SIREN", "Communes", "Population"],
                rows: model.members.map { e in
                    [
                        Components.cell(e.name), Components.cell(e.kind.label), Components.cell(Siren(e.siren)?.formatted ?? e.siren),
                        Components.numberCell(e.communes), Components.numberCell(e.population),
                    ]
                },
                numericColumns: [3, 4], empty: "Ce territoire n’a aucune intercommunalité membre."),
            .h2(.class("fr-mt-4w"), .text("Communes (\(FrenchNumber.grouped(model.communes.count)))")),
            .element(
                named: "details",
                nodes: [
                    .class("ti-details"),
                    .element(named: "summary", text: "Afficher les \(FrenchNumber.grouped(model.communes.count)) communes du territoire"),
                    Components.table(
                        caption: "Communes de \(t.name)",
                        header: ["Commune", "Code INSEE", "Population"],
                        rows: model.communes.map { c in
                            [
                                Components.cell(c.name), Components.cell(c.code),
                                .td(.class("ti-num"), .text(c.population.map { FrenchNumber.grouped($0) } ?? "—")),
                            ]
                        },
                        numericColumns: [2]),
                ])
        )
    }

    var placeLine: String {
        let regions: String = model.regions.map(\.name).joined(separator: " et ")
        let departements: String = model.departements.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        let r = model.regions.count > 1 ? "Régions" : "Région"
        let d = model.departements.count > 1 ? "Départements" : "Département"
        return "\(r) : \(regions) · \(d) : \(departements)"
    }

    var governance: Node<HTML.BodyContext> {
        let t = model.territory
        func person(_ title: String, _ contact: Contact?) -> Node<HTML.BodyContext> {
            .div(
                .class("ti-person fr-mb-3w"),
                .h3(.class("fr-h6 fr-mb-1v"), .text(title)),
                contact.map { c in
                    .group(
                        .p(.class("fr-mb-0"), .strong(.text(c.name))),
                        .p(.class("fr-text--sm fr-mb-0"), .text([c.role, c.organisation].compactMap { $0 }.joined(separator: ", "))))
                } ?? .p(.class("fr-text--sm"), "Non renseigné"))
        }
        return .div(
            .class("fr-card fr-card--no-arrow ti-card"),
            .div(
                .class("fr-card__body"),
                .div(
                    .class("fr-card__content"),
                    .h2(.class("fr-card__title"), "Gouvernance"),
                    .div(
                        .class("fr-card__desc"),
                        person("Élu du binôme", t.electedOfficial),
                        person("Industriel du binôme", t.industrialist),
                        person("Chef de projet", t.projectLead),
                        .if(
                            t.projectLeadFundedByState,
                            .p(.class("fr-text--sm"), "Poste de chef de projet cofinancé par l’État (FNADT).")))))
        )
    }
}
