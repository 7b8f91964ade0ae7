/// A named, documented indicator.
public struct IndicatorDefinition: Sendable {
    public var id: String
    /// French.
    public var label: String
    /// French: what is counted, over what, how.
    public var description: String
    public var unit: IndicatorUnit
    public var population: IndicatorPopulation
    /// Breakdowns a caller may ask for.
    public var allowedBreakdowns: [Breakdown]
    /// The grouping applied when no breakdown is asked for (`laureates.by_sector` → "sector",
    /// `applications.by_state` → "state"); nil for a single figure.
    public var defaultGrouping: String?

    public init(
        id: String, label: String, description: String, unit: IndicatorUnit, population: IndicatorPopulation,
        allowedBreakdowns: [Breakdown], defaultGrouping: String? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.unit = unit
        self.population = population
        self.allowedBreakdowns = allowedBreakdowns
        self.defaultGrouping = defaultGrouping
    }
}
