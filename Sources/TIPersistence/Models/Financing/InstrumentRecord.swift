import FluentKit
import Foundation

/// A partner's instrument (a fund, a programme, a service) and the unit its commitments count in.
public final class InstrumentRecord: Model, @unchecked Sendable {
    public static let schema = "instruments"

    @ID(custom: "code", generatedBy: .user) public var id: String?
    @Field(key: "partner_code") public var partnerCode: String
    @Field(key: "name") public var name: String
    @Field(key: "unit") public var unit: String
    @Field(key: "from_fund") public var fromFund: Bool

    public init() {}
}
