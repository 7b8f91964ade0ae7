import Foundation
import TIDomain

/// One line of an envelope's history, with the reference of the application it concerns.
public struct EnvelopeMovementLine: Sendable, Equatable {
    public var atEpoch: Double
    public var kind: EnvelopeMovement.Kind
    public var amount: EuroCents
    public var applicationID: UUID?
    public var applicationReference: String?
    public var note: String?

    public init(
        atEpoch: Double, kind: EnvelopeMovement.Kind, amount: EuroCents, applicationID: UUID?, applicationReference: String?, note: String?
    ) {
        self.atEpoch = atEpoch
        self.kind = kind
        self.amount = amount
        self.applicationID = applicationID
        self.applicationReference = applicationReference
        self.note = note
    }
}
