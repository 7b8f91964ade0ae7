import Foundation
import TIDomain

/// One application's own row as the pages show it: plain values read once, so a view can neither
/// follow a relation nor write back.
public struct ApplicationDetail: Sendable {
    public var id: UUID
    public var reference: String?
    public var callID: UUID
    public var organisationSiren: String
    public var state: ApplicationState
    public var content: ApplicationContent
    public var assignedTo: String?
    /// What the reviewer asked for when they requested more information.
    public var infoMessage: String?
    public var internalNotes: String?
    public var regionCode: String?
    public var territoryID: String?
    public var fragile: Bool
    public var submittedOn: String?
    public var decidedOn: String?
    public var technicalOpinion: String?
    public var financialOpinion: String?
    public var eligibleInvestmentCents: Int64?
    public var proposedStateCents: Int64?
    public var proposedRegionCents: Int64?
    public var eligibilityOverrides: [String: String]
    public var stateDecision: PartyDecision?
    public var regionDecision: PartyDecision?
    public var aidStateCents: Int64
    public var aidRegionCents: Int64
    public var regimeID: String
    public var agreementReference: String?
    public var agreementOn: String?
    public var updatedAt: Date?

    public init(
        id: UUID, reference: String? = nil, callID: UUID, organisationSiren: String, state: ApplicationState,
        content: ApplicationContent, assignedTo: String? = nil, infoMessage: String? = nil, internalNotes: String? = nil,
        regionCode: String? = nil,
        territoryID: String? = nil, fragile: Bool = false, submittedOn: String? = nil, decidedOn: String? = nil,
        technicalOpinion: String? = nil, financialOpinion: String? = nil, eligibleInvestmentCents: Int64? = nil,
        proposedStateCents: Int64? = nil, proposedRegionCents: Int64? = nil, eligibilityOverrides: [String: String] = [:],
        stateDecision: PartyDecision? = nil, regionDecision: PartyDecision? = nil, aidStateCents: Int64 = 0,
        aidRegionCents: Int64 = 0, regimeID: String, agreementReference: String? = nil, agreementOn: String? = nil,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.reference = reference
        self.callID = callID
        self.organisationSiren = organisationSiren
        self.state = state
        self.content = content
        self.assignedTo = assignedTo
        self.infoMessage = infoMessage
        self.internalNotes = internalNotes
        self.regionCode = regionCode
        self.territoryID = territoryID
        self.fragile = fragile
        self.submittedOn = submittedOn
        self.decidedOn = decidedOn
        self.technicalOpinion = technicalOpinion
        self.financialOpinion = financialOpinion
        self.eligibleInvestmentCents = eligibleInvestmentCents
        self.proposedStateCents = proposedStateCents
        self.proposedRegionCents = proposedRegionCents
        self.eligibilityOverrides = eligibilityOverrides
        self.stateDecision = stateDecision
        self.regionDecision = regionDecision
        self.aidStateCents = aidStateCents
        self.aidRegionCents = aidRegionCents
        self.regimeID = regimeID
        self.agreementReference = agreementReference
        self.agreementOn = agreementOn
        self.updatedAt = updatedAt
    }

    public init(_ a: FundApplication) {
        self.init(
            id: a.id ?? UUID(), reference: a.reference, callID: a.$call.id, organisationSiren: a.organisationSiren, state: a.state,
            content: a.content, assignedTo: a.assignedTo, infoMessage: a.infoMessage, internalNotes: a.internalNotes,
            regionCode: a.regionCode,
            territoryID: a.territoryID, fragile: a.fragile, submittedOn: a.submittedOn, decidedOn: a.decidedOn,
            technicalOpinion: a.technicalOpinion, financialOpinion: a.financialOpinion,
            eligibleInvestmentCents: a.eligibleInvestmentCents, proposedStateCents: a.proposedStateCents,
            proposedRegionCents: a.proposedRegionCents, eligibilityOverrides: a.eligibilityOverrides,
            stateDecision: a.decision(of: .state), regionDecision: a.decision(of: .region), aidStateCents: a.aidStateCents,
            aidRegionCents: a.aidRegionCents, regimeID: a.regimeID, agreementReference: a.agreementReference,
            agreementOn: a.agreementOn, updatedAt: a.updatedAt)
    }

    public var title: String? { content.title }
    public var carrierName: String? { content.carrierName }
    public var communeCode: String? { content.communeCode }
    public var size: CompanySize? { content.size }
    public var jobsCreated: Int? { content.jobsCreated }
    public var investmentTotalCents: Int64 { content.investment.total.cents }
    public var requestedAidCents: Int64? { content.requestedAid?.cents }
    public var publicationConsent: Bool { content.publicationConsent }
    public var publicSummary: String? { content.publicSummary }
    public var displayName: String { content.title ?? "Dossier sans titre" }
    public var aidTotal: EuroCents { EuroCents(cents: aidStateCents + aidRegionCents) }
    public var proposedTotal: EuroCents { EuroCents(cents: (proposedStateCents ?? 0) + (proposedRegionCents ?? 0)) }

    public func decision(of party: DecisionParty) -> PartyDecision? {
        switch party {
        case .state: stateDecision
        case .region: regionDecision
        }
    }
}
