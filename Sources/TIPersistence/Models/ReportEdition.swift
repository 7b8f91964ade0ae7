import FluentKit
import Foundation

/// An edition of the « point d'étape » report: its date, scope and editorial text; once published,
/// the frozen document and figures.
public final class ReportEdition: Model, @unchecked Sendable {
    public static let schema = "report_editions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "as_of") public var asOf: String
    @OptionalField(key: "region_code") public var regionCode: String?
    /// JSON: section id → text.
    @Field(key: "editorial") public var editorialJSON: String
    @OptionalField(key: "published_epoch") public var publishedEpoch: Double?
    @OptionalField(key: "frozen_html") public var frozenHTML: String?
    /// JSON of the report's figures when published.
    @OptionalField(key: "frozen_figures") public var frozenFigures: String?
    @Field(key: "created_epoch") public var createdEpoch: Double

    public init() {}
}
