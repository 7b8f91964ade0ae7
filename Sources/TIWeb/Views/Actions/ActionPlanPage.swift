import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/territoires/{id}/plan`: a territory's action plan, its figures, and for the territory the
/// ways to write it (form, CSV import and export).
struct ActionPlanPage {
    struct Model {
        var territoryID: TerritoryID
        var territoryName: String
        /// The actions shown (after the filters).
        var actions: [ActionSummary]
        var filter: ActionPlanFilter
        var mayEdit: Bool
        var seesAll: Bool
        /// The date of a past plan (nil: today's, which the territory can edit).
        var asOf: CivilDate? = nil
        var today: CivilDate
        var notice: String?
        /// Problems of a refused import, by line.
        var importIssues: [ImportIssue] = []
    }

    let model: Model

    func render() -> String {
        let m = model
        let figures = ActionPlanFigures(m.actions.map(\.content))
        return Page(
            title: "Plan d’actions — \(m.territoryName)", section: .plans,
            breadcrumbs: [
                .init(label: "Territoires", url: .territories), .init(label: m.territoryName, url: .territory(m.territoryID)),
                .init(label: "Plan d’actions", url: nil),
            ],
            content: .group(
                .h1(.text("Plan d’actions — \(m.territoryName)")),
                .p(
                    .class("fr-text--lead"),
                    .text(
                        m.seesAll
                            ? "Les projets du binôme élu-industriel, validés ou non par la Région."
                            : "Les projets du binôme élu-industriel validés par la Région.")),
                .unwrap(m.notice) { Forms.alert("success", title: $0) },
                Forms.importIssues(m.importIssues),
                Forms.asOf(action: SiteURL.territoryPlan(m.territoryID).path, date: m.asOf ?? m.today, label: "Plan au"),
                .p(
                    .class("ti-as-of fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w"),
                    .text("Plan au \((m.asOf ?? m.today).french)")),
                ActionViews.figures(figures),
                .if(m.mayEdit && m.asOf == nil, editing),
                filters,
                ActionViews.table(
                    m.actions, caption: "Actions du plan", territoryColumn: false, review: m.seesAll,
                    empty: m.filter.isEmpty
                        ? "Aucune action dans ce plan pour l’instant." : "Aucune action ne correspond à ces critères."),
                .p(
                    .class("fr-text--sm fr-mt-2w"),
                    .a(.href(SiteURL.territoryPlanCSV(m.territoryID).path), "Télécharger le plan (CSV)"), .text(" · "),
                    .a(.href(SiteURL.plans.path), "Tous les plans d’actions"))
            )
        ).render()
    }

    var filters: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.territoryPlan(model.territoryID).path), .class("ti-filters fr-mb-3w"),
            .ariaLabel("Filtrer les actions"),
            .unwrap(model.asOf) { .input(.type(.hidden), .name("as_of"), .value($0.iso)) },
            Forms.select(
                "axe", label: "Axe", options: ActionViews.options(ActionAxis.self, label: \.label), selected: model.filter.axis ?? ""),
            Forms.select(
                "theme", label: "Thématique", options: ActionViews.options(ActionTheme.self, label: \.label, any: "Toutes"),
                selected: model.filter.theme ?? ""),
            Forms.select(
                "statut", label: "Statut", options: ActionViews.options(ActionStatus.self, label: \.label),
                selected: model.filter.status ?? ""),
            .div(.class("ti-filters__actions"), .button(.class("fr-btn fr-btn--secondary"), .type(.submit), "Filtrer")))
    }

    /// The territory's tools: a new action, the CSV import (all or nothing), the export to fill in.
    var editing: Node<HTML.BodyContext> {
        let id = model.territoryID
        return .div(
            .class("fr-grid-row fr-grid-row--gutters fr-mb-3w"),
            .div(
                .class("fr-col-12 fr-col-md-4"),
                .a(.class("fr-btn"), .href(SiteURL.territoryPlanNew(id).path), "Ajouter une action")),
            .div(
                .class("fr-col-12 fr-col-md-8"),
                Forms.csvImport(
                    action: SiteURL.territoryPlanImport(id).path, label: "Importer un plan (CSV)",
                    hint:
                        "Colonnes de l’export ; séparateur « ; ». Tout le fichier est vérifié avant d’être enregistré, les actions sont reconnues par leur référence."
                )))
    }
}

/// The plan's filters, as typed in its form (codes; empty: all).
struct ActionPlanFilter: Codable, Sendable, Equatable {
    var axe: String?
    var theme: String?
    var statut: String?
    /// The plan as it was at the end of that day (`YYYY-MM-DD`), from its history.
    var asOf: String?

    enum CodingKeys: String, CodingKey {
        case axe, theme, statut
        case asOf = "as_of"
    }

    /// The date asked for, or nil for today's plan; a malformed date is the client's mistake (400).
    func date() throws -> CivilDate? {
        guard let raw = asOf, !raw.isEmpty else { return nil }
        do { return try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
    }

    var axis: String? { axe.flatMap { $0.isEmpty ? nil : $0 } }
    var status: String? { statut.flatMap { $0.isEmpty ? nil : $0 } }
    var themeCode: String? { theme.flatMap { $0.isEmpty ? nil : $0 } }
    var isEmpty: Bool { axis == nil && themeCode == nil && status == nil }

    func keeps(_ c: ActionContent) -> Bool {
        (axis.map { $0 == c.axis.rawValue } ?? true) && (status.map { $0 == c.status.rawValue } ?? true)
            && (themeCode.map { code in c.themes.contains { $0.rawValue == code } } ?? true)
    }
}
