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
