import FluentKit
import Foundation
import TIDomain

/// Payments of a laureate's aid: planned (schedule) or made.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: FundApplication
    @Enum(key: "funder") public var funder: Envelope.Funder
    @Field(key: "amount_cents") public var amountCents: Int64
    @OptionalField(key: "due_on") public var dueOn: String?
    @OptionalField(key: "paid_on") public var paidOn: String?
    @OptionalField(key: "reference") public var reference: String?

    public init() {}
}
