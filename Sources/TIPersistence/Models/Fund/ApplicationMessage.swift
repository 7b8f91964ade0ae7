import FluentKit
import Foundation
import TIDomain

/// The thread between the applicant and the reviewers.
public final class ApplicationMessage: Model, @unchecked Sendable {
    public static let schema = "application_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Field(key: "author_id") public var authorID: String
    @Field(key: "author_role") public var authorRole: String
    @Field(key: "author_name") public var authorName: String
    @Field(key: "body") public var body: String
    @Field(key: "at_epoch") public var atEpoch: Double

    public init() {}
}
