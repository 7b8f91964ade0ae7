/// Everything the engine computes from, plus the names used for labels.
public struct IndicatorDataset: Sendable {
    public var applications: [ApplicationRecord]
    public var territories: [TerritoryRecord]
    public var envelopes: [EnvelopeRecord]
    /// Code → name.
    public var regionNames: [String: String]
    public var departementNames: [String: String]
    public var territoryNames: [String: String]
    public var callNames: [String: String]

    public init(
        applications: [ApplicationRecord] = [], territories: [TerritoryRecord] = [],
        envelopes: [EnvelopeRecord] = [], regionNames: [String: String] = [:],
        departementNames: [String: String] = [:], territoryNames: [String: String] = [:],
        callNames: [String: String] = [:]
    ) {
        self.applications = applications
        self.territories = territories
        self.envelopes = envelopes
        self.regionNames = regionNames
        self.departementNames = departementNames
        self.territoryNames = territoryNames
        self.callNames = callNames
    }
}
