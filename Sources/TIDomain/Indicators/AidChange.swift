/// A dated change of the aid granted to an application, per funder (signed cents).
public struct AidChange: Sendable, Equatable {
    public var date: CivilDate
    public var state: EuroCents
    public var region: EuroCents

    public init(date: CivilDate, state: EuroCents = .zero, region: EuroCents = .zero) {
        self.date = date
        self.state = state
        self.region = region
    }
}
