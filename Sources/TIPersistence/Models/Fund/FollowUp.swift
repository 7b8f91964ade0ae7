import FluentKit
import Foundation
import TIDomain

/// Follow-up of a laureate: jobs actually created and investment actually made, at a date.
public final class FollowUp: Model, @unchecked Sendable {
    public static let schema = "follow_ups"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Field(key: "on_date") public var onDate: String
    @Field(key: "jobs_created") public var jobsCreated: Int
    @Field(key: "investment_cents") public var investmentCents: Int64
    @OptionalField(key: "comment") public var comment: String?
    @Field(key: "recorded_by") public var recordedBy: String
    /// The day it was entered (Paris); `onDate` is the day it is about.
    @OptionalField(key: "recorded_on") public var recordedOn: String?

    public init() {}
}
