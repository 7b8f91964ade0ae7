/// What a territory says of an action sheet beyond its content (and its CSV): the fields it keeps
/// internal, the fund laureates (application references) the action led to, and the funding it
/// seeks from the partners, instrument by instrument.
public struct ActionExtras: Codable, Sendable, Equatable {
    /// An amount sought through one partner's instrument.
    public struct Sought: Codable, Sendable, Equatable {
        public var instrument: String
        public var amount: EuroCents

        public init(instrument: String, amount: EuroCents) {
            self.instrument = instrument
            self.amount = amount
        }
    }

    public var internalFields: Set<ActionField>
    public var laureates: [String]
    public var sought: [Sought]

    public init(internalFields: Set<ActionField> = [], laureates: [String] = [], sought: [Sought] = []) {
        self.internalFields = internalFields
        self.laureates = laureates
        self.sought = sought
    }

    /// Every part may be absent from what an earlier version wrote.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        internalFields = try c.decodeIfPresent(Set<ActionField>.self, forKey: .internalFields) ?? []
        laureates = try c.decodeIfPresent([String].self, forKey: .laureates) ?? []
        sought = try c.decodeIfPresent([Sought].self, forKey: .sought) ?? []
    }

    public static let maxLaureates = 50
    /// Rows of the form's « financements recherchés ».
    public static let soughtRows = 3
}
