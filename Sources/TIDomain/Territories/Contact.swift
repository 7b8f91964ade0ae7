/// A named person in a territory's governance.
public struct Contact: Codable, Sendable, Equatable {
    public var name: String
    public var role: String?
    public var organisation: String?

    public init(name: String, role: String? = nil, organisation: String? = nil) {
        self.name = name
        self.role = role
        self.organisation = organisation
    }
}
