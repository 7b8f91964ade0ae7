/// The figures of a set of actions (a plan, a région's plans, the programme): how many, how many
/// built for the programme, who carries them, the investment they plan, their themes.
public struct ActionPlanFigures: Sendable, Equatable {
    public var count = 0
    public var specific = 0
    public var byCarrier: [ActionCarrierType: Int] = [:]
    public var byTheme: [ActionTheme: Int] = [:]
    public var byStatus: [ActionStatus: Int] = [:]
    public var plannedInvestment: EuroCents = .zero
    /// Actions whose planned investment is known.
    public var investmentKnown = 0

    public init(_ actions: some Sequence<ActionContent>) {
        for a in actions {
            count += 1
            if a.specific { specific += 1 }
            byCarrier[a.carrierType, default: 0] += 1
            byStatus[a.status, default: 0] += 1
            for t in a.themes { byTheme[t, default: 0] += 1 }
            if let v = a.plannedInvestment {
                plannedInvestment = plannedInvestment + v
                investmentKnown += 1
            }
        }
    }

    /// Share of the actions (0 when there are none).
    public func share(_ n: Int) -> Double { count == 0 ? 0 : Double(n) / Double(count) }
}
