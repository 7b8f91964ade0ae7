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
    /// The partner's own reference, which makes its yearly file's import idempotent.
    @OptionalField(key: "reference") public var reference: String?
    /// The action of a plan the commitment finances.
    @OptionalField(key: "action_id") public var actionID: UUID?
    @OptionalField(key: "recorded_by") public var recordedBy: String?
    @Field(key: "recorded_at_epoch") public var recordedAtEpoch: Double

    public init() {}

    public init(_ c: CommitmentContent, by actor: AuditLog.Actor) {
        id = UUID()
        update(c, by: actor)
    }

    /// Takes `c`'s values (the instrument and reference stay what identifies the record).
    public func update(_ c: CommitmentContent, by actor: AuditLog.Actor) {
        instrumentCode = c.instrument
        onDate = c.on.iso
        regionCode = c.region
        territoryID = c.territory?.rawValue
        amountCents = c.amount?.cents
        quantity = c.quantity
        note = c.note.flatMap { $0.isEmpty ? nil : $0 }
        reference = c.reference
        actionID = c.action
        recordedBy = actor.id
        recordedAtEpoch = actor.at.timeIntervalSince1970
    }

    /// The commitment as entered (nil for a row whose date is not one).
    public var content: CommitmentContent? {
        guard let on = try? CivilDate(parsing: onDate) else { return nil }
        return CommitmentContent(
            instrument: instrumentCode, on: on, region: regionCode, territory: territoryID.flatMap(TerritoryID.init),
            amount: amountCents.map { EuroCents(cents: $0) },
            quantity: quantity, note: note, reference: reference, action: actionID)
    }
}
