public struct IndicatorResult: Codable, Sendable, Equatable {
    public var id: String
    /// French.
    public var label: String
    /// French: what is counted, over what, how.
    public var description: String
    public var unit: IndicatorUnit
    /// ISO date.
    public var asOf: String
    /// French: "France entière", "Auvergne-Rhône-Alpes", "Outre-mer", "TI Grand Annecy".
    public var scope: String
    public var result: IndicatorValue
    /// Named parts for composite indicators (e.g. the stake indicators: count, investment, jobs, sub-categories).
    public var parts: [String: IndicatorValue]?
    public var breakdown: Breakdown?
    /// What the rows are keyed by: a `Breakdown` raw value, or "state" for `applications.by_state`.
    public var groupedBy: String?
    /// French label of `groupedBy`.
    public var groupedByLabel: String?
    /// True when rows may overlap and must not be summed.
    public var multiLabel: Bool
    public var rows: [BreakdownRow]?
    public var note: String?

    public init(
        id: String, label: String, description: String, unit: IndicatorUnit, asOf: String, scope: String,
        result: IndicatorValue, parts: [String: IndicatorValue]? = nil, breakdown: Breakdown? = nil,
        groupedBy: String? = nil, groupedByLabel: String? = nil, multiLabel: Bool = false,
        rows: [BreakdownRow]? = nil, note: String? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.unit = unit
        self.asOf = asOf
        self.scope = scope
        self.result = result
        self.parts = parts
        self.breakdown = breakdown
        self.groupedBy = groupedBy
        self.groupedByLabel = groupedByLabel
        self.multiLabel = multiLabel
        self.rows = rows
        self.note = note
    }
}
