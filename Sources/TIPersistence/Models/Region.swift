import FluentKit
import Foundation

/// A région (18 in the official geography, 5 of them overseas).
public final class Region: Model, @unchecked Sendable {
    public static let schema = "regions"

    // Identity
    @ID(custom: "code", generatedBy: .user) public var id: String?

    // Data
    @Field(key: "name") public var name: String
    @Field(key: "overseas") public var overseas: Bool

    // Relations
    @Children(for: \.$region) public var departements: [Departement]

    public init() {}

    public init(code: String, name: String, overseas: Bool) {
        self.id = code
        self.name = name
        self.overseas = overseas
    }

    public var code: String { id! }
}
