import FluentKit
import Foundation
import TIDomain

/// The money a funder (State or Région) puts into a call for one région.
/// `committed_cents` and `paid_cents` only move through `EnvelopeLedger`'s conditional updates.
public final class Envelope: Model, @unchecked Sendable {
    public static let schema = "envelopes"

    public enum Funder: String, Codable, Sendable, CaseIterable {
        case state, region
        public var label: String { self == .state ? "État" : "Région" }
    }

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Parent(key: "call_id") public var call: FundCall
    @Parent(key: "region_code") public var region: Region

    // Data
    @Enum(key: "funder") public var funder: Funder
    @Field(key: "amount_cents") public var amountCents: Int64
    @Field(key: "committed_cents") public var committedCents: Int64
    @Field(key: "paid_cents") public var paidCents: Int64
    /// On the Région's envelope: the "1 pour 1" rule (the Région matches the State's share).
    @Field(key: "one_for_one") public var oneForOne: Bool

    public init() {}

    public init(callID: UUID, region: String, funder: Funder, amount: EuroCents, oneForOne: Bool = false) {
        self.$call.id = callID
        self.$region.id = region
        self.funder = funder
        self.amountCents = amount.cents
        self.committedCents = 0
        self.paidCents = 0
        self.oneForOne = oneForOne
    }

    public var remaining: EuroCents { EuroCents(cents: amountCents - committedCents) }
}
