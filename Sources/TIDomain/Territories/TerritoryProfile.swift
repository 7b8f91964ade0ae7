/// What describes a Territoire d'industrie besides its perimeter.
public struct TerritoryProfile: Codable, Sendable, Equatable {
    public var id: TerritoryID
    public var name: String
    /// The elected half of the binôme (usually the EPCI's vice-president for the economy).
    public var electedOfficial: Contact?
    /// The industrialist half of the binôme.
    public var industrialist: Contact?
    public var projectLead: Contact?
    /// Whether the chef de projet's post is co-funded by the State (FNADT).
    public var projectLeadFundedByState: Bool
    public var labelDate: CivilDate?
    /// The day it left the programme (merged with another TI, withdrawn), if it did.
    public var endDate: CivilDate?
    public var active: Bool

    public init(
        id: TerritoryID, name: String, electedOfficial: Contact? = nil, industrialist: Contact? = nil,
        projectLead: Contact? = nil, projectLeadFundedByState: Bool = false, labelDate: CivilDate? = nil,
        endDate: CivilDate? = nil, active: Bool = true
    ) {
        self.id = id
        self.name = name
        self.electedOfficial = electedOfficial
        self.industrialist = industrialist
        self.projectLead = projectLead
        self.projectLeadFundedByState = projectLeadFundedByState
        self.labelDate = labelDate
        self.endDate = endDate
        self.active = active
    }
}
