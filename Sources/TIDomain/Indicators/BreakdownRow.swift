/// One row of a breakdown: the same measure restricted to the row.
public struct BreakdownRow: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var result: IndicatorValue

    public init(key: String, label: String, result: IndicatorValue) {
        self.key = key
        self.label = label
        self.result = result
    }
}
