import FluentKit
import Foundation
import TIDomain

/// One movement on an envelope: the history shown with it.
public final class EnvelopeMovement: Model, @unchecked Sendable {
    public static let schema = "envelope_movements"

    public enum Kind: String, Codable, Sendable {
        case initial, increase, commitment, release, payment, recovery
        public var label: String {
            switch self {
            case .initial: "Dotation initiale"
            case .increase: "Abondement"
            case .commitment: "Engagement"
            case .release: "Dégagement"
            case .payment: "Versement"
            case .recovery: "Reversement"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "envelope_id") public var envelope: Envelope
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @Enum(key: "kind") public var kind: Kind
    @Field(key: "amount_cents") public var amountCents: Int64
    @Field(key: "at_epoch") public var atEpoch: Double
    @OptionalField(key: "actor_id") public var actorID: String?
    @OptionalField(key: "note") public var note: String?

    public init() {}

    public init(
        envelopeID: UUID, kind: Kind, amount: Int64, applicationID: UUID? = nil, actorID: String?, note: String? = nil,
        at: Double
    ) {
        self.$envelope.id = envelopeID
        self.kind = kind
        self.amountCents = amount
        self.applicationID = applicationID
        self.actorID = actorID
        self.note = note
        self.atEpoch = at
    }
}
