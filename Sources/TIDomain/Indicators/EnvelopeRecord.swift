/// The regional envelope of a call, per funder.
public struct EnvelopeRecord: Sendable {
    public var callID: String
    public var region: String
    /// "state" | "region"
    public var funder: String
    public var amount: EuroCents
    /// The day this amount was allotted (the opening allotment or a later increase; an envelope is
    /// one record per allotment). nil = always.
    public var date: CivilDate?

    public init(callID: String, region: String, funder: String, amount: EuroCents, date: CivilDate? = nil) {
        self.callID = callID
        self.region = region
        self.funder = funder
        self.amount = amount
        self.date = date
    }
}
