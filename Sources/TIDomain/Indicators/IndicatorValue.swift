/// A figure with how it was obtained.
public struct IndicatorValue: Codable, Sendable, Equatable {
    /// The figure (euros as a number for money; 0…1 for shares).
    public var value: Double
    /// Exact amount for money sums, in cents.
    public var cents: Int64?
    public var numerator: Double?
    public var denominator: Double?
    public var coverage: Coverage?
    /// Set on the parts of composite indicators (the main result's unit and label are on `IndicatorResult`).
    public var unit: IndicatorUnit?
    /// French; set on the parts of composite indicators.
    public var label: String?

    public init(
        value: Double, cents: Int64? = nil, numerator: Double? = nil, denominator: Double? = nil,
        coverage: Coverage? = nil, unit: IndicatorUnit? = nil, label: String? = nil
    ) {
        self.value = value
        self.cents = cents
        self.numerator = numerator
        self.denominator = denominator
        self.coverage = coverage
        self.unit = unit
        self.label = label
    }
}
