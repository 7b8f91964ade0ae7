import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/financement`: what the State and the operators engaged against the programme's target, the
/// Régions apart, partner by partner and instrument by instrument, at a chosen date.
struct FinancingPage {
    struct Model {
        var asOf: CivilDate
        var figures: FinancingFigures
        /// The same totals at the end of each year of the programme before `asOf`, then at `asOf`.
        var evolution: [(on: CivilDate, figures: FinancingFigures)] = []
    }

    let model: Model

    /// « 1,37 Md€ »: to the ten million, rounded half up in integers (as the report writes it).
    static func headline(_ amount: EuroCents) -> String {
        guard amount.cents >= 100_000_000_000 else { return amount.compact }
        let tens = (amount.cents + 500_000_000) / 1_000_000_000
        return "\(tens / 100),\(String(format: "%02d", Int(tens % 100))) Md€"
    }

    static func value(_ line: FinancingFigures.Line) -> String {
        line.unit == .euros ? line.amount.compact : "\(FrenchNumber.grouped(line.quantity)) \(line.unit.label(line.quantity))"
    }

    func render() -> String {
        let f = model.figures
        // Instruments with nothing engaged yet at that date are left out.
        let groups = FunderKind.allCases.map { kind in (kind, f.lines.filter { $0.kind == kind && ($0.amount > .zero || $0.quantity > 0) })
        }
        return Page(
            title: "Financement du programme", section: .data, breadcrumbs: [.init(label: "Financement", url: nil)],
            content: .group(
                .h1("Financement du programme"),
                .p(
                    .class("fr-text--lead"),
                    "Ce que l’État et les opérateurs partenaires ont engagé au profit des Territoires d’industrie, face à l’objectif de 1,3 Md€ sur quatre ans fixé en 2018, et la contribution des Régions, comptée à part."
                ),
                Forms.asOf(action: SiteURL.financing.path, date: model.asOf),
                .p(.class("ti-as-of fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w"), .text("Chiffres au \(model.asOf.french)")),
                Components.figures([
                    .init(
                        value: Self.headline(f.engaged), label: "engagés par l’État et les opérateurs",
                        note: "\(FrenchNumber.percent(f.shareOfTarget)) de l’objectif de \(FinancingFigures.target.compact)"),
                    .init(value: f.regions.compact, label: "engagés par les Régions", note: "en plus de l’objectif national"),
                ]),
                .if(
                    model.evolution.count > 1,
                    .group(
                        .h2(.class("fr-h4 fr-mt-4w"), "Au fil du programme"),
                        Components.table(
                            caption: "Engagements cumulés au fil du programme",
                            header: ["Au", "État et opérateurs", "Part de l’objectif", "Régions"],
                            rows: model.evolution.map { e in
                                [
                                    Components.cell(e.on.french), .td(.class("ti-num"), .text(Self.headline(e.figures.engaged))),
                                    .td(.class("ti-num"), .text(FrenchNumber.percent(e.figures.shareOfTarget))),
                                    .td(.class("ti-num"), .text(e.figures.regions.compact)),
                                ]
                            }, numericColumns: [1, 2, 3], empty: ""))),
                .forEach(groups) { kind, lines in
                    .group(
                        .h2(.class("fr-h4 fr-mt-4w"), .text(kind.label)),
                        Components.table(
                            caption: "Engagements — \(kind.label)", header: ["Partenaire", "Instrument", "Engagé"],
                            rows: lines.map { l in
                                [
                                    Components.cell(l.partnerName),
                                    Components.cell(
                                        l.instrumentName + (l.instrument.hasPrefix("fonds-acceleration") ? " — d’après ses enveloppes" : "")
                                    ),
                                    .td(.class("ti-num"), .text(Self.value(l))),
                                ]
                            }, numericColumns: [2], empty: "Aucun engagement à cette date."))
                },
                .p(
                    .class("fr-text--sm fr-mt-2w"),
                    "Les lignes du fonds d’accélération sont calculées à partir de ses enveloppes, datées ; les autres, à partir des engagements saisis, à leur date. ",
                    .a(.href(APIURL.commitments.path), "Les engagements en JSON"))
            )
        ).render()
    }
}
