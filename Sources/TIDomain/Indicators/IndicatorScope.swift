/// Where and when: the state of the records at `asOf`, nationally, in one région (or "OM" for the
/// Outre-mer group), or in one TI.
public struct IndicatorScope: Sendable, Equatable {
    public var asOf: CivilDate
    /// A région code, or "OM" for the Outre-mer group.
    public var region: String?
    /// A TI id.
    public var territory: String?
    /// « As known at »: leave out what was entered after this day (late follow-ups). nil = everything known now.
    public var knownAt: CivilDate?

    /// The row key and scope code of the Outre-mer group.
    public static let overseasGroup = "OM"

    public init(asOf: CivilDate, region: String? = nil, territory: String? = nil, knownAt: CivilDate? = nil) {
        self.asOf = asOf
        self.region = region
        self.territory = territory
        self.knownAt = knownAt
    }
}
