import FluentKit
import Foundation

/// A partner of the programme: the State, an operator (ADEME, Banque des Territoires…), the Régions.
public final class PartnerRecord: Model, @unchecked Sendable {
    public static let schema = "partners"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String

    public init() {}
}
