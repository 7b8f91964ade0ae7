import FluentKit
import Foundation
import TIDomain

/// An intercommunality (EPCI à fiscalité propre), identified by its SIREN.
public final class Epci: Model, @unchecked Sendable {
    public static let schema = "epcis"

    // Identity
    @ID(custom: "siren", generatedBy: .user) public var id: String?

    // Data
    @Field(key: "name") public var name: String
    @Enum(key: "kind") public var kind: EpciKind

    public init() {}

    public init(siren: String, name: String, kind: EpciKind) {
        self.id = siren
        self.name = name
        self.kind = kind
    }

    public var siren: String { id! }
}
