import Foundation
import TIDomain

/// An envelope as pages and the API show it: its call and région by name, and its amounts.
public struct EnvelopeSummary: Sendable, Equatable {
    public var id: UUID
    public var callID: UUID
    public var callTitle: String
    public var regionCode: String
    public var regionName: String
    public var funder: Envelope.Funder
    public var amount: EuroCents
    public var committed: EuroCents
    public var paid: EuroCents
    /// On a Région's envelope: the Région matches the State's share (« 1 pour 1 »).
    public var oneForOne: Bool

    public var available: EuroCents { amount - committed }

    public init(
        id: UUID, callID: UUID, callTitle: String, regionCode: String, regionName: String, funder: Envelope.Funder,
        amount: EuroCents, committed: EuroCents, paid: EuroCents, oneForOne: Bool
    ) {
        self.id = id
        self.callID = callID
        self.callTitle = callTitle
        self.regionCode = regionCode
        self.regionName = regionName
        self.funder = funder
        self.amount = amount
        self.committed = committed
        self.paid = paid
        self.oneForOne = oneForOne
    }
}
