import FluentKit
import Foundation
import TIDomain

/// A Territoire d'industrie: a labelled group of EPCI with its governance.
public final class Territory: Model, @unchecked Sendable {
    public static let schema = "territories"

    // Identity
    @ID(custom: "id", generatedBy: .user) public var id: String?

    // Data
    @Field(key: "name") public var name: String
    @Field(key: "search_name") public var searchName: String
    @OptionalField(key: "elected_name") public var electedName: String?
    @OptionalField(key: "elected_role") public var electedRole: String?
    @OptionalField(key: "elected_organisation") public var electedOrganisation: String?
    @OptionalField(key: "industrialist_name") public var industrialistName: String?
    @OptionalField(key: "industrialist_role") public var industrialistRole: String?
    @OptionalField(key: "industrialist_organisation") public var industrialistOrganisation: String?
    @OptionalField(key: "project_lead_name") public var projectLeadName: String?
    @OptionalField(key: "project_lead_role") public var projectLeadRole: String?
    @OptionalField(key: "project_lead_organisation") public var projectLeadOrganisation: String?
    @Field(key: "project_lead_fnadt") public var projectLeadFundedByState: Bool
    /// `YYYY-MM-DD`
    @OptionalField(key: "label_date") public var labelDate: String?
    @Field(key: "active") public var active: Bool
    /// `YYYY-MM-DD`: the day it left the programme.
    @OptionalField(key: "end_date") public var endDate: String?

    // Relations
    @Children(for: \.$territory) public var members: [TerritoryEpci]

    // Timestamps
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var profile: TerritoryProfile {
        func contact(_ name: String?, _ role: String?, _ org: String?) -> Contact? {
            name.map { Contact(name: $0, role: role, organisation: org) }
        }
        return TerritoryProfile(
            id: TerritoryID(id!)!, name: name,
            electedOfficial: contact(electedName, electedRole, electedOrganisation),
            industrialist: contact(industrialistName, industrialistRole, industrialistOrganisation),
            projectLead: contact(projectLeadName, projectLeadRole, projectLeadOrganisation),
            projectLeadFundedByState: projectLeadFundedByState,
            labelDate: labelDate.flatMap { try? CivilDate(parsing: $0) }, endDate: endDate.flatMap { try? CivilDate(parsing: $0) },
            active: active)
    }

    public func apply(_ profile: TerritoryProfile) {
        id = profile.id.rawValue
        name = profile.name
        searchName = SearchText.normalise(profile.name)
        electedName = profile.electedOfficial?.name
        electedRole = profile.electedOfficial?.role
        electedOrganisation = profile.electedOfficial?.organisation
        industrialistName = profile.industrialist?.name
        industrialistRole = profile.industrialist?.role
        industrialistOrganisation = profile.industrialist?.organisation
        projectLeadName = profile.projectLead?.name
        projectLeadRole = profile.projectLead?.role
        projectLeadOrganisation = profile.projectLead?.organisation
        projectLeadFundedByState = profile.projectLeadFundedByState
        labelDate = profile.labelDate?.iso
        endDate = profile.endDate?.iso
        active = profile.active
    }
}
