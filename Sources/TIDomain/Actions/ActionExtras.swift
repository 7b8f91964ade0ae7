/// What a territory says of an action sheet beyond its content (and its CSV): the fields it keeps
/// internal, and the fund laureates (application references) the action led to.
public struct ActionExtras: Codable, Sendable, Equatable {
    public var internalFields: Set<ActionField>
    public var laureates: [String]

    public init(internalFields: Set<ActionField> = [], laureates: [String] = []) {
        self.internalFields = internalFields
        self.laureates = laureates
    }

    public static let maxLaureates = 50
}
