/// One follow-up of a laureate: what it is about (`date`) and when it was entered (`recordedOn`;
/// nil when unknown, then always known).
public struct FollowUpRecord: Sendable, Equatable {
    public var date: CivilDate
    public var jobsCreated: Int
    public var investment: EuroCents
    public var recordedOn: CivilDate?

    public init(date: CivilDate, jobsCreated: Int, investment: EuroCents, recordedOn: CivilDate? = nil) {
        self.date = date
        self.jobsCreated = jobsCreated
        self.investment = investment
        self.recordedOn = recordedOn
    }
}
