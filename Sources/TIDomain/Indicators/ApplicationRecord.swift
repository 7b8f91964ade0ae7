/// One application as the engine sees it (built by the persistence layer from the records).
public struct ApplicationRecord: Sendable {
    public var id: String
    public var callID: String
    /// (date, state) transitions in chronological order; the state at a date is the last one on or before it.
    public var history: [(date: CivilDate, state: ApplicationState)]
    /// Date of the first two-key decision, if any: a fast filter (nobody is a laureate before it);
    /// whether the application is a laureate at a date comes from `history`.
    public var decidedOn: CivilDate?
    /// Région of the site.
    public var regionCode: String?
    public var departementCode: String?
    /// TI of the site's EPCI (usually 0 or 1).
    public var territoryIDs: [String]
    /// nil = unknown.
    public var fragile: Bool?
    /// nil = unknown (not provided).
    public var size: CompanySize?
    /// nil = unknown.
    public var sector: Sector?
    /// Whether stake data was provided at all.
    public var stakesKnown: Bool
    public var stakes: Set<Stake>
    public var skills: Set<SkillsCategory>
    public var ecological: Set<EcologicalCategory>
    public var investment: EuroCents
    /// The aid granted now. At an earlier date the aid is the sum of `aidChanges` dated on or
    /// before it, when the application has any (commitments, releases, recoveries).
    public var aidState: EuroCents
    public var aidRegion: EuroCents
    /// Dated changes of the granted aid (signed): a reopened decision releases its aid from its own
    /// date, so figures at an earlier date keep it.
    public var aidChanges: [AidChange]
    public var jobsPlanned: Int
    /// Jobs the project planned to create by the end of 2023, as forecast in the application; nil = not given.
    public var jobsPlannedBy2023: Int?
    /// For relocation projects.
    public var relocatedJobs: Int?
    /// For skills projects.
    public var trainingPlaces: Int?
    /// Whether its call is collaborative (now).
    public var collaborative: Bool
    /// The call's dated changes of `collaborative` (its creation, then each edit that changed it),
    /// in order; empty when unknown (then `collaborative` holds at every date).
    public var collaborativeChanges: [(date: CivilDate, collaborative: Bool)]
    /// Follow-up records: jobs actually created and investment actually made, cumulative at each date.
    public var followUps: [FollowUpRecord]

    public init(
        id: String,
        callID: String,
        history: [(date: CivilDate, state: ApplicationState)] = [],
        decidedOn: CivilDate? = nil,
        regionCode: String? = nil,
        departementCode: String? = nil,
        territoryIDs: [String] = [],
        fragile: Bool? = nil,
        size: CompanySize? = nil,
        sector: Sector? = nil,
        stakesKnown: Bool = false,
        stakes: Set<Stake> = [],
        skills: Set<SkillsCategory> = [],
        ecological: Set<EcologicalCategory> = [],
        investment: EuroCents = .zero,
        aidState: EuroCents = .zero,
        aidRegion: EuroCents = .zero,
        aidChanges: [AidChange] = [],
        jobsPlanned: Int = 0,
        jobsPlannedBy2023: Int? = nil,
        relocatedJobs: Int? = nil,
        trainingPlaces: Int? = nil,
        collaborative: Bool = false,
        collaborativeChanges: [(date: CivilDate, collaborative: Bool)] = [],
        followUps: [FollowUpRecord] = []
    ) {
        self.id = id
        self.callID = callID
        self.history = history
        self.decidedOn = decidedOn
        self.regionCode = regionCode
        self.departementCode = departementCode
        self.territoryIDs = territoryIDs
        self.fragile = fragile
        self.size = size
        self.sector = sector
        self.stakesKnown = stakesKnown
        self.stakes = stakes
        self.skills = skills
        self.ecological = ecological
        self.investment = investment
        self.aidState = aidState
        self.aidRegion = aidRegion
        self.aidChanges = aidChanges
        self.jobsPlanned = jobsPlanned
        self.jobsPlannedBy2023 = jobsPlannedBy2023
        self.relocatedJobs = relocatedJobs
        self.trainingPlaces = trainingPlaces
        self.collaborative = collaborative
        self.collaborativeChanges = collaborativeChanges
        self.followUps = followUps
    }

    /// The state at the end of `date`: the last transition on or before it; nil if the application
    /// did not exist yet.
    public func state(on date: CivilDate) -> ApplicationState? {
        Self.state(in: history, on: date)
    }

    static func state(in history: [(date: CivilDate, state: ApplicationState)], on date: CivilDate) -> ApplicationState? {
        var current: ApplicationState?
        for entry in history {
            if entry.date > date { break }
            current = entry.state
        }
        return current
    }

    /// Laureate at `date`: its state at that date (from the history) is a laureate state. A decision
    /// reopened later does not change what was true before.
    public func isLaureate(on date: CivilDate) -> Bool {
        guard let decided = decidedOn, decided <= date else { return false }
        return state(on: date)?.isLaureate == true
    }

    /// Whether its call was collaborative at the end of `date`. Before the first recorded change the
    /// value was the other one (a change is recorded only when the value changes; a call's creation
    /// comes before any of its applications).
    public func isCollaborative(on date: CivilDate) -> Bool {
        Self.collaborative(collaborative, changes: collaborativeChanges, on: date)
    }

    static func collaborative(_ now: Bool, changes: [(date: CivilDate, collaborative: Bool)], on date: CivilDate) -> Bool {
        guard let first = changes.first else { return now }
        var value = !first.collaborative
        for change in changes {
            if change.date > date { break }
            value = change.collaborative
        }
        return value
    }

    /// The aid granted at the end of `date` (State, Région).
    public func aid(on date: CivilDate) -> (state: EuroCents, region: EuroCents) {
        Self.aid(state: aidState, region: aidRegion, changes: aidChanges, on: date)
    }

    static func aid(state: EuroCents, region: EuroCents, changes: [AidChange], on date: CivilDate) -> (
        state: EuroCents, region: EuroCents
    ) {
        guard !changes.isEmpty else { return (state, region) }
        var s: Int64 = 0
        var r: Int64 = 0
        for change in changes where change.date <= date {
            s +|= change.state.cents
            r +|= change.region.cents
        }
        return (EuroCents(cents: max(0, s)), EuroCents(cents: max(0, r)))
    }

    /// The latest follow-up dated on or before `date` (the last one in the array on a tie), among
    /// those recorded on or before `knownAt` when given.
    public func latestFollowUp(onOrBefore date: CivilDate, knownAt: CivilDate? = nil) -> FollowUpRecord? {
        Self.latestFollowUp(in: followUps, onOrBefore: date, knownAt: knownAt)
    }

    static func latestFollowUp(in followUps: [FollowUpRecord], onOrBefore date: CivilDate, knownAt: CivilDate?) -> FollowUpRecord? {
        var best: FollowUpRecord?
        for f in followUps where f.date <= date {
            if let knownAt, let recorded = f.recordedOn, recorded > knownAt { continue }
            if let b = best, f.date < b.date { continue }
            best = f
        }
        return best
    }
}
