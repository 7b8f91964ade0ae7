import FluentKit
import Foundation

/// A département (101 in the official geography).
public final class Departement: Model, @unchecked Sendable {
    public static let schema = "departements"

    // Identity
    @ID(custom: "code", generatedBy: .user) public var id: String?

    // References
    @Parent(key: "region_code") public var region: Region

    // Data
    @Field(key: "name") public var name: String

    public init() {}

    public init(code: String, name: String, regionCode: String) {
        self.id = code
        self.name = name
        self.$region.id = regionCode
    }

    public var code: String { id! }
}
