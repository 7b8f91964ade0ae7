import Foundation
import Plot
import TIDomain
import TIPersistence

/// What the action pages share: the plan's key figures and the table of actions.
enum ActionViews {
    static func figures(_ f: ActionPlanFigures) -> Node<HTML.BodyContext> {
        func share(_ c: ActionCarrierType) -> String { FrenchNumber.percent(f.share(f.byCarrier[c] ?? 0)) }
        return Components.figures([
            .init(value: FrenchNumber.grouped(f.count), label: f.count > 1 ? "actions" : "action"),
            .init(value: FrenchNumber.percent(f.share(f.specific)), label: "construites pour le programme"),
            .init(
                value: f.plannedInvestment.compact, label: "d’investissement prévu",
                note: f.investmentKnown < f.count
                    ? "connu pour \(Components.plural(f.investmentKnown, "action", "actions")) sur \(f.count)" : nil),
            .init(
                value: share(.publicBody), label: "portées par des acteurs publics",
                note: "privés \(share(.privateBody)) · portage mixte \(share(.mixed))"),
        ])
    }

    /// The actions, each linked to its page; the review state only for those who see it.
    static func table(_ actions: [ActionSummary], caption: String, territoryColumn: Bool, review: Bool, empty: String)
        -> Node<HTML.BodyContext>
    {
        Components.table(
            caption: caption,
            header: (territoryColumn ? ["Territoire"] : []) + [
                "Référence et titre", "Axe", "Thématiques", "Porteur", "Statut", "Investissement prévu",
            ]
                + (review ? ["Validation"] : []),
            rows: actions.map { a in
                let c = a.visibleContent(seesAll: review)
                var row: [Node<HTML.TableRowContext>] = []
                if territoryColumn { row.append(Components.linkCell(a.territoryName, .territoryPlan(a.territoryID))) }
                row += [
                    Components.headerCell("\(c.reference) — \(c.title)", .action(a.id)),
                    Components.cell(c.axis.label),
                    Components.cell(ActionTheme.allCases.filter(c.themes.contains).map(\.label).joined(separator: ", ")),
                    Components.cell(c.carrierType.label + (c.carrierName.map { " — \($0)" } ?? "")),
                    Components.cell("\(c.status.label) (\(c.statusOn.french))"),
                    c.plannedInvestment.map { Components.moneyCell($0.cents) } ?? Components.cell("—"),
                ]
                if review { row.append(.td(Components.badgeCell(a.validation.label, a.validation.badge))) }
                return row
            }, numericColumns: [territoryColumn ? 6 : 5], empty: empty)
    }

    /// The select options of an enum, « Tous » first.
    static func options<T: CaseIterable & RawRepresentable>(_ all: T.Type, label: (T) -> String, any: String = "Tous")
        -> [(value: String, label: String)] where T.RawValue == String
    {
        [("", any)] + T.allCases.map { ($0.rawValue, label($0)) }
    }
}
