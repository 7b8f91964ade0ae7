/// A partner company of a collaborative project.
public struct Partner: Codable, Sendable, Equatable {
    public var name: String
    public var siren: Siren

    public init(name: String, siren: Siren) {
        self.name = name
        self.siren = siren
    }
}
