import FluentKit
import Foundation
import TIDomain

/// One commitment of a partner, through one of its instruments.
public final class CommitmentRecord: Model, @unchecked Sendable {
    public static let schema = "commitments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "instrument_code") public var instrumentCode: String
    /// `YYYY-MM-DD`
    @Field(key: "on_date") public var onDate: String
    @OptionalField(key: "region_code") public var regionCode: String?
    @OptionalField(key: "territory_id") public var territoryID: String?
    @OptionalField(key: "amount_cents") public var amountCents: Int64?
    @OptionalField(key: "quantity") public var quantity: Int?
    @OptionalField(key: "note") public var note: String?
    @OptionalField(key: "recorded_by") public var recordedBy: String?
    @Field(key: "recorded_at_epoch") public var recordedAtEpoch: Double

    public init() {}

    public init(_ c: CommitmentContent, by actor: AuditLog.Actor) {
        id = UUID()
        instrumentCode = c.instrument
        onDate = c.on.iso
        regionCode = c.region
        territoryID = c.territory?.rawValue
        amountCents = c.amount?.cents
        quantity = c.quantity
        note = c.note.flatMap { $0.isEmpty ? nil : $0 }
        recordedBy = actor.id
        recordedAtEpoch = actor.at.timeIntervalSince1970
    }
}
