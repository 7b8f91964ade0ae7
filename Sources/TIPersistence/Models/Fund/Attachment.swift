import FluentKit
import Foundation
import TIDomain

/// A file attached to an application (or to one of its messages), stored outside the database.
public final class Attachment: Model, @unchecked Sendable {
    public static let schema = "attachments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @OptionalField(key: "message_id") public var messageID: UUID?
    @Field(key: "filename") public var filename: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size_bytes") public var sizeBytes: Int
    /// Key in the storage (not a path chosen by the user).
    @Field(key: "storage_key") public var storageKey: String
    @Field(key: "uploaded_by") public var uploadedBy: String
    @Field(key: "at_epoch") public var atEpoch: Double
    /// The call's required document this file provides (nil: a file sent with a message).
    @OptionalField(key: "document") public var document: String?

    public init() {}
}
