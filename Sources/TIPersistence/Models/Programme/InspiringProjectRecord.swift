import FluentKit
import Foundation
import TIDomain

/// An inspiring project and its review.
public final class InspiringProjectRecord: Model, @unchecked Sendable {
    public static let schema = "inspiring_projects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "territory_id") public var territoryID: String
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Field(key: "axis") public var axis: String
    @OptionalField(key: "laureate_reference") public var laureateReference: String?
    @OptionalField(key: "action_reference") public var actionReference: String?
    @OptionalField(key: "site_id") public var siteID: UUID?
    /// Where the image is kept (`FileStorage`), and its type.
    @OptionalField(key: "image_key") public var imageKey: String?
    @OptionalField(key: "image_type") public var imageType: String?
    @Enum(key: "status") public var status: InspiringStatus
    @OptionalField(key: "review_reason") public var reviewReason: String?
    @Field(key: "created_at_epoch") public var createdAtEpoch: Double

    public init() {}

    public init(_ c: InspiringProjectContent, at: Date) {
        id = UUID()
        territoryID = c.territory.rawValue
        status = .pending
        createdAtEpoch = at.timeIntervalSince1970
        content = c
    }

    public var content: InspiringProjectContent? {
        get {
            guard let t = TerritoryID(territoryID) else { return nil }
            return InspiringProjectContent(
                title: title, summary: summary, axis: ActionAxis(rawValue: axis) ?? .attract, territory: t,
                laureateReference: laureateReference, actionReference: actionReference, site: siteID)
        }
        set {
            guard let c = newValue else { return }
            territoryID = c.territory.rawValue
            title = c.title.trimmingCharacters(in: .whitespaces)
            summary = c.summary
            axis = c.axis.rawValue
            laureateReference = c.laureateReference.flatMap { $0.isEmpty ? nil : $0 }
            actionReference = c.actionReference.flatMap { $0.isEmpty ? nil : $0 }
            siteID = c.site
        }
    }
}
