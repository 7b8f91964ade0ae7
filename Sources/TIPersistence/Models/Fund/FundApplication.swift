import FluentKit
import Foundation
import TIDomain

/// An application (dossier) to a call: content filled in by the applicant, location resolved from
/// the site's commune, Bpifrance's review, the two keys, the committed aid and the agreement.
public final class FundApplication: Model, @unchecked Sendable {
    public static let schema = "applications"

    // Identity
    @ID(key: .id) public var id: UUID?
    /// `FA-2021-84-00123`, given at submission.
    @OptionalField(key: "reference") public var reference: String?

    // References
    @Parent(key: "call_id") public var call: FundCall
    @Field(key: "organisation_siren") public var organisationSiren: String
    @OptionalField(key: "created_by") public var createdBy: UUID?

    // State
    @Enum(key: "state") public var state: ApplicationState

    // Content (see ApplicationContent)
    @OptionalField(key: "carrier_name") public var carrierName: String?
    @OptionalField(key: "siren") public var siren: String?
    @OptionalField(key: "carrier_kind") public var carrierKind: String?
    @OptionalField(key: "size") public var size: String?
    @OptionalField(key: "legal_form") public var legalForm: String?
    @OptionalField(key: "naf_code") public var nafCode: String?
    @OptionalField(key: "sector") public var sector: String?
    @OptionalField(key: "commune_code") public var communeCode: String?
    @OptionalField(key: "title") public var title: String?
    @OptionalField(key: "description") public var description: String?
    @Field(key: "investment_buildings_cents") public var investmentBuildingsCents: Int64
    @Field(key: "investment_equipment_cents") public var investmentEquipmentCents: Int64
    @Field(key: "investment_intangible_cents") public var investmentIntangibleCents: Int64
    @Field(key: "investment_other_cents") public var investmentOtherCents: Int64
    @Field(key: "investment_total_cents") public var investmentTotalCents: Int64
    @OptionalField(key: "requested_aid_cents") public var requestedAidCents: Int64?
    @OptionalField(key: "start_on") public var startOn: String?
    @OptionalField(key: "end_on") public var endOn: String?
    @OptionalField(key: "jobs_created") public var jobsCreated: Int?
    /// Of the jobs planned, how many by the end of the call's horizon year (a forecast in the application).
    @OptionalField(key: "jobs_by_horizon") public var jobsByHorizon: Int?
    @OptionalField(key: "jobs_maintained") public var jobsMaintained: Int?
    /// Comma-separated codes.
    @Field(key: "stakes") public var stakes: String
    /// False only for historical records whose stakes were never collected (the form always asks).
    @Field(key: "stakes_known") public var stakesKnown: Bool
    @Field(key: "skills_categories") public var skillsCategories: String
    @Field(key: "ecological_categories") public var ecologicalCategories: String
    @OptionalField(key: "training_places") public var trainingPlaces: Int?
    @OptionalField(key: "relocated_jobs") public var relocatedJobs: Int?
    /// JSON array of {name, siren}.
    @Field(key: "partners_json") public var partnersJSON: String
    @OptionalField(key: "publication_consent") public var publicationConsent: Bool?
    @OptionalField(key: "public_summary") public var publicSummary: String?
    /// The reviewer in charge (a user id), and the staff's internal notes.
    @OptionalField(key: "assigned_to") public var assignedTo: String?
    @OptionalField(key: "internal_notes") public var internalNotes: String?

    // Location, resolved from the commune when saved, frozen at submission.
    @OptionalField(key: "region_code") public var regionCode: String?
    @OptionalField(key: "departement_code") public var departementCode: String?
    @OptionalField(key: "epci_siren") public var epciSiren: String?
    @OptionalField(key: "territory_id") public var territoryID: String?
    @Field(key: "fragile") public var fragile: Bool
    @Field(key: "zonings") public var zonings: String

    // Dates `YYYY-MM-DD`
    @OptionalField(key: "submitted_on") public var submittedOn: String?
    @OptionalField(key: "decided_on") public var decidedOn: String?

    // Information request
    @OptionalField(key: "info_reason") public var infoReason: String?
    @OptionalField(key: "info_message") public var infoMessage: String?

    // Review (Bpifrance)
    @OptionalField(key: "technical_opinion") public var technicalOpinion: String?
    @OptionalField(key: "financial_opinion") public var financialOpinion: String?
    @OptionalField(key: "eligible_investment_cents") public var eligibleInvestmentCents: Int64?
    @OptionalField(key: "proposed_state_cents") public var proposedStateCents: Int64?
    @OptionalField(key: "proposed_region_cents") public var proposedRegionCents: Int64?
    /// JSON object check id → written reason.
    @Field(key: "eligibility_overrides_json") public var eligibilityOverridesJSON: String

    // Two-key decision
    @OptionalField(key: "state_favourable") public var stateFavourable: Bool?
    @OptionalField(key: "state_motivation") public var stateMotivation: String?
    @OptionalField(key: "state_decided_by") public var stateDecidedBy: String?
    @OptionalField(key: "region_favourable") public var regionFavourable: Bool?
    @OptionalField(key: "region_motivation") public var regionMotivation: String?
    @OptionalField(key: "region_decided_by") public var regionDecidedBy: String?

    // Committed aid (set when laureate)
    @Field(key: "aid_state_cents") public var aidStateCents: Int64
    @Field(key: "aid_region_cents") public var aidRegionCents: Int64
    @Field(key: "regime_id") public var regimeID: String

    // Agreement
    @OptionalField(key: "agreement_reference") public var agreementReference: String?
    @OptionalField(key: "agreement_on") public var agreementOn: String?

    /// Normalised carrier name, title and reference, for searching the same way on both databases.
    @Field(key: "search_text") public var searchText: String

    // Timestamps
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(callID: UUID, regimeID: String, organisation: String, createdBy: UUID?) {
        self.$call.id = callID
        self.regimeID = regimeID
        self.organisationSiren = organisation
        self.createdBy = createdBy
        self.state = .draft
        self.investmentBuildingsCents = 0
        self.investmentEquipmentCents = 0
        self.investmentIntangibleCents = 0
        self.investmentOtherCents = 0
        self.investmentTotalCents = 0
        self.stakes = ""
        self.stakesKnown = true
        self.skillsCategories = ""
        self.ecologicalCategories = ""
        self.partnersJSON = "[]"
        self.fragile = false
        self.zonings = ""
        self.eligibilityOverridesJSON = "{}"
        self.aidStateCents = 0
        self.aidRegionCents = 0
        self.searchText = ""
    }

    /// Call before saving.
    public func refreshSearchText() {
        searchText = SearchText.normalise([reference, carrierName, title, siren].compactMap { $0 }.joined(separator: " "))
    }

    public var aidTotal: EuroCents { EuroCents(cents: aidStateCents + aidRegionCents) }
    public var proposedTotal: EuroCents { EuroCents(cents: (proposedStateCents ?? 0) + (proposedRegionCents ?? 0)) }
    public var displayName: String { title ?? "Dossier sans titre" }

    public var content: ApplicationContent {
        get {
            var c = ApplicationContent()
            c.carrierName = carrierName
            c.siren = siren
            c.carrierKind = carrierKind.flatMap(CarrierKind.init(rawValue:))
            c.size = size.flatMap(CompanySize.init(rawValue:))
            c.legalForm = legalForm
            c.nafCode = nafCode
            c.sector = sector.flatMap(Sector.init(rawValue:))
            c.communeCode = communeCode
            c.title = title
            c.description = description
            c.investment = Investment(
                buildings: EuroCents(cents: investmentBuildingsCents), equipment: EuroCents(cents: investmentEquipmentCents),
                intangible: EuroCents(cents: investmentIntangibleCents), other: EuroCents(cents: investmentOtherCents))
            c.requestedAid = requestedAidCents.map { EuroCents(cents: $0) }
            c.startDate = startOn.flatMap { try? CivilDate(parsing: $0) }
            c.endDate = endOn.flatMap { try? CivilDate(parsing: $0) }
            c.jobsCreated = jobsCreated
            c.jobsMaintained = jobsMaintained
            c.jobsByHorizon = jobsByHorizon
            c.stakes = Set(stakes.split(separator: ",").compactMap { Stake(rawValue: String($0)) })
            c.skills = Set(skillsCategories.split(separator: ",").compactMap { SkillsCategory(rawValue: String($0)) })
            c.ecological = Set(ecologicalCategories.split(separator: ",").compactMap { EcologicalCategory(rawValue: String($0)) })
            c.trainingPlaces = trainingPlaces
            c.relocatedJobs = relocatedJobs
            c.partners = (try? JSONDecoder().decode([Partner].self, from: Data(partnersJSON.utf8))) ?? []
            c.publicationConsent = publicationConsent ?? false
            c.publicSummary = publicSummary
            return c
        }
        set {
            carrierName = newValue.carrierName
            siren = newValue.siren
            carrierKind = newValue.carrierKind?.rawValue
            size = newValue.size?.rawValue
            legalForm = newValue.legalForm
            nafCode = newValue.nafCode
            sector = newValue.sector?.rawValue
            communeCode = newValue.communeCode
            title = newValue.title
            description = newValue.description
            investmentBuildingsCents = newValue.investment.buildings.cents
            investmentEquipmentCents = newValue.investment.equipment.cents
            investmentIntangibleCents = newValue.investment.intangible.cents
            investmentOtherCents = newValue.investment.other.cents
            investmentTotalCents = newValue.investment.total.cents
            requestedAidCents = newValue.requestedAid?.cents
            startOn = newValue.startDate?.iso
            endOn = newValue.endDate?.iso
            jobsCreated = newValue.jobsCreated
            jobsMaintained = newValue.jobsMaintained
            jobsByHorizon = newValue.jobsByHorizon
            stakes = Stake.allCases.filter(newValue.stakes.contains).map(\.rawValue).joined(separator: ",")
            skillsCategories = SkillsCategory.allCases.filter(newValue.skills.contains).map(\.rawValue).joined(separator: ",")
            ecologicalCategories = EcologicalCategory.allCases.filter(newValue.ecological.contains).map(\.rawValue).joined(separator: ",")
            trainingPlaces = newValue.trainingPlaces
            relocatedJobs = newValue.relocatedJobs
            partnersJSON = String(decoding: (try? JSONEncoder().encode(newValue.partners)) ?? Data("[]".utf8), as: UTF8.self)
            publicationConsent = newValue.publicationConsent
            publicSummary = newValue.publicSummary
        }
    }

    public var eligibilityOverrides: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(eligibilityOverridesJSON.utf8))) ?? [:] }
        set { eligibilityOverridesJSON = String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("{}".utf8), as: UTF8.self) }
    }

    public func decision(of party: DecisionParty) -> PartyDecision? {
        switch party {
        case .state: stateFavourable.map { PartyDecision(favourable: $0, motivation: stateMotivation ?? "") }
        case .region: regionFavourable.map { PartyDecision(favourable: $0, motivation: regionMotivation ?? "") }
        }
    }

    /// What the audit log records of an application's state.
    public var auditSnapshot: [String: String] {
        var s = ["etat": state.rawValue]
        if let reference { s["reference"] = reference }
        if let v = proposedStateCents { s["aide_proposee_etat_centimes"] = String(v) }
        if let v = proposedRegionCents { s["aide_proposee_region_centimes"] = String(v) }
        if aidStateCents + aidRegionCents > 0 {
            s["aide_etat_centimes"] = String(aidStateCents)
            s["aide_region_centimes"] = String(aidRegionCents)
        }
        if let f = stateFavourable { s["avis_etat"] = f ? "favorable" : "defavorable" }
        if let f = regionFavourable { s["avis_region"] = f ? "favorable" : "defavorable" }
        return s
    }
}
