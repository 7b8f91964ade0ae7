import FluentKit
import Foundation

/// A commune proper (type COM in the official list): the unit every place resolves to.
public final class Commune: Model, @unchecked Sendable {
    public static let schema = "communes"

    // Identity: the INSEE code
    @ID(custom: "code", generatedBy: .user) public var id: String?

    // References
    @Parent(key: "departement_code") public var departement: Departement
    @OptionalParent(key: "epci_siren") public var epci: Epci?

    // Data
    @Field(key: "name") public var name: String
    /// Lower-cased, accent-folded name, for searching the same way on SQLite and PostgreSQL.
    @Field(key: "search_name") public var searchName: String
    /// Municipal population of the census vintage recorded in `geo_imports` (none for Mayotte).
    @OptionalField(key: "population") public var population: Int?
    @OptionalField(key: "area_km2") public var areaKm2: Double?
    @OptionalField(key: "centroid_lon") public var centroidLon: Double?
    @OptionalField(key: "centroid_lat") public var centroidLat: Double?

    public init() {}

    public var code: String { id! }
}
