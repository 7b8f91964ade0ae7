import Plot
import TIDomain
import TIGeo
import TIPersistence

struct IndicatorsPage {
    var dashboard: String
    var scopeLabel: String
    var asOf: CivilDate
    var regions: [(code: String, name: String)]
    var territories: [(id: String, name: String)]
    var query: IndicatorQuery
    /// The scope's action plans at the date (validated actions).
    var actions: ActionPlanFigures? = nil

    func render() -> String {
        Page(
            title: "Indicateurs — \(scopeLabel)", section: .indicators, breadcrumbs: [.init(label: "Indicateurs", url: nil)],
            content: .group(
                .h1(.text("Indicateurs — \(scopeLabel)")),
                .p(
                    .class("fr-text--lead"),
                    "Tous les chiffres sont calculés à partir des dossiers du fonds, à la date choisie, avec leur couverture : lorsqu’une donnée n’est connue que pour une partie des projets, le chiffre le dit."
                ),
                .form(
                    .method(.get), .action(SiteURL.indicators.path), .class("ti-filters fr-mb-4w"),
                    .ariaLabel("Choisir le périmètre et la date"),
                    Forms.field("as_of", label: "Situation au", type: .date, value: asOf.iso, required: false),
                    Forms.field(
                        "known_at", label: "Telle que connue au (facultatif)", type: .date, value: query.knownAt ?? "",
                        hint: "Écarte les suivis saisis après cette date.", required: false),
                    Forms.select(
                        "region", label: "Région",
                        options: [("", "France entière"), ("OM", "Outre-mer")] + regions.map { ($0.code, $0.name) },
                        selected: query.region ?? ""),
                    Forms.select(
                        "territory", label: "Territoire d’industrie", options: [("", "Tous")] + territories.map { ($0.id, $0.name) },
                        selected: query.territory ?? ""),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Afficher"),
                        .a(
                            .class("fr-btn fr-btn--tertiary"), .href(SiteURL.indicators.path + "?as_of=2021-09-24"),
                            "Revoir le point d’étape du 24 septembre 2021"))),
                .raw(dashboard),
                .unwrap(actions) {
                    Self.actionPlans($0, plans: SiteURL.plans.path + (query.region.flatMap { $0.isEmpty ? nil : "?region=\($0)" } ?? ""))
                }
            )
        ).render()
    }

    /// « Plans d’actions »: the validated actions of the scope at the date, their carriers, themes and investment.
    static func actionPlans(_ f: ActionPlanFigures, plans: String) -> Node<HTML.BodyContext> {
        let themes = ActionTheme.allCases.map { t in
            ChartDatum(label: t.label, value: Double(f.byTheme[t] ?? 0), display: FrenchNumber.grouped(f.byTheme[t] ?? 0))
        }
        return .section(
            .class("fr-mt-6w"),
            .h2("Plans d’actions"),
            .p(
                .class("fr-text--sm"),
                "Les actions des plans des Territoires d’industrie validées par leur Région à la date choisie. Une action peut porter sur plusieurs thématiques."
            ),
            ActionViews.figures(f),
            .div(
                .class("ti-chart"),
                .raw(
                    SVGChart.horizontalBars(
                        title: "Actions par thématique",
                        description: "Nombre d’actions validées par thématique (une action peut en avoir plusieurs).",
                        data: themes, idPrefix: "actions-themes", source: "Source : plans d’actions des territoires"))),
            .p(
                .class("fr-text--sm"),
                .a(.href(plans), "Voir les actions")))
    }
}
