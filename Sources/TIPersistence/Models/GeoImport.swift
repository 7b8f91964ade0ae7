import FluentKit
import Foundation

/// One run of `ti import geo`: when, from what, with what result.
public final class GeoImport: Model, @unchecked Sendable {
    public static let schema = "geo_imports"

    // Identity
    @ID(key: .id) public var id: UUID?

    // Data
    @Field(key: "source") public var source: String
    @Field(key: "population_vintage") public var populationVintage: Int
    @Field(key: "regions") public var regions: Int
    @Field(key: "departements") public var departements: Int
    @Field(key: "epcis") public var epcis: Int
    @Field(key: "communes") public var communes: Int
    @Field(key: "aliases") public var aliases: Int
    @Field(key: "changes") public var changes: Int
    @Field(key: "gap_fillers") public var gapFillers: Int
    @Field(key: "import_seconds") public var importSeconds: Double
    @Field(key: "outline_seconds") public var outlineSeconds: Double

    // Timestamps
    @Timestamp(key: "imported_at", on: .create) public var importedAt: Date?

    public init() {}
}
