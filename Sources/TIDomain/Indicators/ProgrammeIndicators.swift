/// The programme's indicators beyond the fund, under the same ids scheme and result shape as the
/// engine's: `actions.*` from the action plans, `financing.*` from the partners' commitments,
/// `sites.*` from the turnkey sites' catalogue. Built from plain figures, computed at one date.
public enum ProgrammeIndicators {
    public static let actionIDs = ["actions.count", "actions.planned_investment_eur"]
    public static let financingIDs = ["financing.engaged_eur"]
    public static let siteIDs = ["sites.count"]
    public static var ids: [String] { actionIDs + financingIDs + siteIDs }

    /// `actions.count` (validated actions; parts: specific, carriers, themes, statuses) and
    /// `actions.planned_investment_eur` (with its coverage: actions whose investment is known).
    public static func actions(_ f: ActionPlanFigures, asOf: CivilDate, scope: String) -> [IndicatorResult] {
        func count(_ n: Int, _ label: String) -> IndicatorValue {
            IndicatorValue(value: Double(n), numerator: Double(n), denominator: Double(f.count), unit: .count, label: label)
        }
        var parts: [String: IndicatorValue] = [
            "specific": count(f.specific, "Actions conçues spécifiquement pour le programme"),
            "specific_share": IndicatorValue(
                value: f.share(f.specific), numerator: Double(f.specific), denominator: Double(f.count), unit: .share,
                label: "Part des actions spécifiques au programme"),
        ]
        for c in ActionCarrierType.allCases {
            parts["carrier_\(c.rawValue)"] = count(f.byCarrier[c] ?? 0, "Porteur \(c.label.lowercased())")
        }
        for t in ActionTheme.allCases { parts["theme_\(t.rawValue)"] = count(f.byTheme[t] ?? 0, t.label) }
        for s in ActionStatus.allCases { parts["status_\(s.rawValue)"] = count(f.byStatus[s] ?? 0, s.label) }
        let coverage = Coverage(
            known: f.investmentKnown, total: f.count,
            description:
                "investissement prévu renseigné pour \(FrenchNumber.grouped(f.investmentKnown)) des \(FrenchNumber.grouped(f.count)) actions"
        )
        return [
            IndicatorResult(
                id: "actions.count", label: "Actions des plans d’actions",
                description: "Fiches actions validées par la Région, telles qu’elles étaient à la date (historique des fiches).",
                unit: .count, asOf: asOf.iso, scope: scope, result: IndicatorValue(value: Double(f.count)), parts: parts,
                note: "Les thématiques se recoupent : une action peut en avoir plusieurs."),
            IndicatorResult(
                id: "actions.planned_investment_eur", label: "Investissement prévu des actions",
                description: "Somme des investissements prévus des actions validées dont l’investissement est renseigné.",
                unit: .euros, asOf: asOf.iso, scope: scope,
                result: IndicatorValue(
                    value: Double(f.plannedInvestment.cents) / 100, cents: f.plannedInvestment.cents, coverage: coverage)),
        ]
    }

    /// `financing.engaged_eur`: engaged by the State and the operators against the 1,3 Md€ target,
    /// the Régions apart; a part per instrument (euros or its own unit).
    public static func financing(_ f: FinancingFigures, asOf: CivilDate, scope: String) -> IndicatorResult {
        func euros(_ a: EuroCents, _ label: String) -> IndicatorValue {
            IndicatorValue(value: Double(a.cents) / 100, cents: a.cents, unit: .euros, label: label)
        }
        var parts: [String: IndicatorValue] = [
            "target": euros(FinancingFigures.target, "Objectif du programme (quatre ans)"),
            "share_of_target": IndicatorValue(
                value: f.shareOfTarget, numerator: Double(f.engaged.cents) / 100, denominator: Double(FinancingFigures.target.cents) / 100,
                unit: .share, label: "Part de l’objectif atteinte"),
            "regions": euros(f.regions, "Engagé par les Régions (à part de l’objectif)"),
        ]
        for line in f.lines {
            parts[line.instrument] =
                line.unit == .euros
                ? euros(line.amount, "\(line.partnerName) — \(line.instrumentName)")
                : IndicatorValue(
                    value: Double(line.quantity), unit: .count,
                    label: "\(line.partnerName) — \(line.instrumentName) (\(line.unit.label(2)))")
        }
        return IndicatorResult(
            id: "financing.engaged_eur", label: "Engagé par l’État et les opérateurs",
            description:
                "Somme des engagements des partenaires datés jusqu’à la date, et du fonds d’accélération compté à partir de ses enveloppes ; les Régions à part.",
            unit: .euros, asOf: asOf.iso, scope: scope, result: euros(f.engaged, "Engagé par l’État et les opérateurs"), parts: parts)
    }

    /// `sites.count`: turnkey sites qualified by then, a part per wave.
    public static func sites(_ waves: [SiteWave], asOf: CivilDate, scope: String) -> IndicatorResult {
        var parts: [String: IndicatorValue] = [:]
        for w in SiteWave.allCases {
            parts["wave_\(w.rawValue)"] = IndicatorValue(value: Double(waves.count { $0 == w }), unit: .count, label: w.label)
        }
        return IndicatorResult(
            id: "sites.count", label: "Sites industriels clés en main",
            description: "Sites qualifiés « clés en main » à la date, par vague de qualification.", unit: .count, asOf: asOf.iso,
            scope: scope, result: IndicatorValue(value: Double(waves.count)), parts: parts)
    }
}
