/// The records as the indicator engine sees them: flat, denormalised snapshots built by the
/// persistence layer. The engine never reads the database itself.

/// One application as the engine sees it (built by the persistence layer from the records).
public struct ApplicationRecord: Sendable {
    public var id: String
    public var callID: String
    /// (date, state) transitions in chronological order; the state at a date is the last one on or before it.
    public var history: [(date: CivilDate, state: ApplicationState)]
    /// Date of the two-key decision, if any.
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
    public var aidState: EuroCents
    public var aidRegion: EuroCents
    public var jobsPlanned: Int
    /// For relocation projects.
    public var relocatedJobs: Int?
    /// For skills projects.
    public var trainingPlaces: Int?
    public var collaborative: Bool
    /// Follow-up records: jobs actually created and investment actually made, cumulative at each date.
    public var followUps: [(date: CivilDate, jobsCreated: Int, investment: EuroCents)]

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
        jobsPlanned: Int = 0,
        relocatedJobs: Int? = nil,
        trainingPlaces: Int? = nil,
        collaborative: Bool = false,
        followUps: [(date: CivilDate, jobsCreated: Int, investment: EuroCents)] = []
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
        self.jobsPlanned = jobsPlanned
        self.relocatedJobs = relocatedJobs
        self.trainingPlaces = trainingPlaces
        self.collaborative = collaborative
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

    /// Laureate at `date`: decided on or before it and its state at that date is a laureate state.
    public func isLaureate(on date: CivilDate) -> Bool {
        guard let decided = decidedOn, decided <= date else { return false }
        return state(on: date)?.isLaureate == true
    }

    /// The latest follow-up dated on or before `date` (the last one in the array on a tie).
    public func latestFollowUp(onOrBefore date: CivilDate) -> (date: CivilDate, jobsCreated: Int, investment: EuroCents)? {
        Self.latestFollowUp(in: followUps, onOrBefore: date)
    }

    static func latestFollowUp(
        in followUps: [(date: CivilDate, jobsCreated: Int, investment: EuroCents)],
        onOrBefore date: CivilDate
    ) -> (date: CivilDate, jobsCreated: Int, investment: EuroCents)? {
        var best: (date: CivilDate, jobsCreated: Int, investment: EuroCents)?
        for f in followUps where f.date <= date {
            if let b = best, f.date < b.date { continue }
            best = f
        }
        return best
    }
}

/// A Territoire d'industrie as the engine sees it.
public struct TerritoryRecord: Sendable {
    public var id: String
    public var name: String
    /// One or two région codes.
    public var regions: [String]
    public var labelDate: CivilDate?
    public var active: Bool
    /// Name of the chef de projet, if any.
    public var projectLead: String?
    /// FNADT co-funded post.
    public var projectLeadFundedByState: Bool

    public init(
        id: String, name: String, regions: [String], labelDate: CivilDate? = nil, active: Bool = true,
        projectLead: String? = nil, projectLeadFundedByState: Bool = false
    ) {
        self.id = id
        self.name = name
        self.regions = regions
        self.labelDate = labelDate
        self.active = active
        self.projectLead = projectLead
        self.projectLeadFundedByState = projectLeadFundedByState
    }
}

/// The regional envelope of a call, per funder.
public struct EnvelopeRecord: Sendable {
    public var callID: String
    public var region: String
    /// "state" | "region"
    public var funder: String
    public var amount: EuroCents

    public init(callID: String, region: String, funder: String, amount: EuroCents) {
        self.callID = callID
        self.region = region
        self.funder = funder
        self.amount = amount
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

    /// The row key and scope code of the Outre-mer group.
    public static let overseasGroup = "OM"

    public init(asOf: CivilDate, region: String? = nil, territory: String? = nil) {
        self.asOf = asOf
        self.region = region
        self.territory = territory
    }
}
