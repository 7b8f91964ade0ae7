/// The records as the indicator engine sees them: flat, denormalised snapshots built by the
/// persistence layer. The engine never reads the database itself.

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

/// A Territoire d'industrie as the engine sees it.
public struct TerritoryRecord: Sendable {
    public var id: String
    public var name: String
    /// One or two région codes.
    public var regions: [String]
    public var labelDate: CivilDate?
    /// The day it left the programme (merged, withdrawn); it is no longer counted from that day.
    public var endDate: CivilDate?
    public var active: Bool
    /// Name of the chef de projet, if any.
    public var projectLead: String?
    /// FNADT co-funded post.
    public var projectLeadFundedByState: Bool

    public init(
        id: String, name: String, regions: [String], labelDate: CivilDate? = nil, endDate: CivilDate? = nil, active: Bool = true,
        projectLead: String? = nil, projectLeadFundedByState: Bool = false
    ) {
        self.id = id
        self.name = name
        self.regions = regions
        self.labelDate = labelDate
        self.endDate = endDate
        self.active = active
        self.projectLead = projectLead
        self.projectLeadFundedByState = projectLeadFundedByState
    }

    /// In the programme at the end of `date`: labelled on or before it (or labelling date unknown)
    /// and not left by then. A TI marked inactive without an end date never counts.
    public func isInProgramme(on date: CivilDate) -> Bool {
        if let labelDate, labelDate > date { return false }
        if let endDate { return endDate > date }
        return active
    }
}

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

/// Everything the engine computes from, plus the names used for labels.
public struct IndicatorDataset: Sendable {
    public var applications: [ApplicationRecord]
    public var territories: [TerritoryRecord]
    public var envelopes: [EnvelopeRecord]
    /// Code → name.
    public var regionNames: [String: String]
    public var departementNames: [String: String]
    public var territoryNames: [String: String]
    public var callNames: [String: String]

    public init(
        applications: [ApplicationRecord] = [], territories: [TerritoryRecord] = [],
        envelopes: [EnvelopeRecord] = [], regionNames: [String: String] = [:],
        departementNames: [String: String] = [:], territoryNames: [String: String] = [:],
        callNames: [String: String] = [:]
    ) {
        self.applications = applications
        self.territories = territories
        self.envelopes = envelopes
        self.regionNames = regionNames
        self.departementNames = departementNames
        self.territoryNames = territoryNames
        self.callNames = callNames
    }
}

/// Where and when: the state of the records at `asOf`, nationally, in one région (or "OM" for the
/// Outre-mer group), or in one TI.
public struct IndicatorScope: Sendable, Equatable {
    public var asOf: CivilDate
    /// A région code, or "OM" for the Outre-mer group.
    public var region: String?
    /// A TI id.
    public var territory: String?
    /// « As known at »: leave out what was entered after this day (late follow-ups). nil = everything known now.
    public var knownAt: CivilDate?

    /// The row key and scope code of the Outre-mer group.
    public static let overseasGroup = "OM"

    public init(asOf: CivilDate, region: String? = nil, territory: String? = nil, knownAt: CivilDate? = nil) {
        self.asOf = asOf
        self.region = region
        self.territory = territory
        self.knownAt = knownAt
    }
}
