import FluentKit
import Foundation
import TIDomain

/// A State-aid regime and its ceiling per undertaking. Data, edited by admins.
public final class AidRegimeRecord: Model, @unchecked Sendable {
    public static let schema = "aid_regimes"

    @ID(custom: "id", generatedBy: .user) public var id: String?
    @Field(key: "label") public var label: String
    @Field(key: "ceiling_cents") public var ceilingCents: Int64

    public init() {}

    public init(id: String, label: String, ceiling: EuroCents) {
        self.id = id
        self.label = label
        self.ceilingCents = ceiling.cents
    }

    public var regime: AidRegime { AidRegime(id: id!, label: label, ceiling: EuroCents(cents: ceilingCents)) }
}
