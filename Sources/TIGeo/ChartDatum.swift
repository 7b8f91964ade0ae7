/// One category of a bar/column/share chart.
public struct ChartDatum: Sendable {
    /// Category label ("Auvergne-Rhône-Alpes", "PME").
    public var label: String
    /// Value used for the geometry (negative and non-finite values count as 0).
    public var value: Double
    /// Formatted value shown next to the bar ("120", "391,1 M€", "84 %").
    public var display: String
    /// Optional link on the bar and its label.
    public var href: String?

    public init(label: String, value: Double, display: String, href: String? = nil) {
        self.label = label
        self.value = value
        self.display = display
        self.href = href
    }
}
