/// A State-aid regime and its ceiling per undertaking (data, not code: stored in `aid_regimes`).
public struct AidRegime: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var ceiling: EuroCents

    public init(id: String, label: String, ceiling: EuroCents) {
        self.id = id
        self.label = label
        self.ceiling = ceiling
    }
}
