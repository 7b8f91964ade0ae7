/// The part of the country or the organisation a role applies to.
public struct Scope: Codable, Sendable, Equatable {
    /// Région codes (one for `region` and `prefecture`, one or more for `reviewer`).
    public var regions: [String]
    /// The TI of a `territory` account.
    public var territory: TerritoryID?
    /// The organisation of an `applicant` account.
    public var organisation: Siren?

    public init(regions: [String] = [], territory: TerritoryID? = nil, organisation: Siren? = nil) {
        self.regions = regions
        self.territory = territory
        self.organisation = organisation
    }

    public static let national = Scope()

    /// Checks that a role gets exactly the scope it needs; French message otherwise.
    public static func validate(_ scope: Scope, for role: Role) throws(DomainError) {
        switch role {
        case .admin, .viewer:
            guard scope.regions.isEmpty, scope.territory == nil, scope.organisation == nil else {
                throw DomainError(
                    "portee_inutile",
                    "Le rôle \(role.label) a une portée nationale : ne précisez ni région, ni territoire, ni organisation.")
            }
        case .region, .prefecture:
            guard scope.regions.count == 1, scope.territory == nil, scope.organisation == nil else {
                throw DomainError("portee_region", "Le rôle \(role.label) s’applique à une seule région : précisez-la (--region CODE).")
            }
        case .reviewer:
            guard !scope.regions.isEmpty, scope.territory == nil, scope.organisation == nil else {
                throw DomainError(
                    "portee_regions",
                    "Le rôle \(role.label) s’applique à une ou plusieurs régions : précisez-les (--region CODE, répétable).")
            }
        case .territory:
            guard scope.territory != nil, scope.regions.isEmpty, scope.organisation == nil else {
                throw DomainError("portee_territoire", "Le rôle \(role.label) s’applique à un territoire : précisez-le (--territory ID).")
            }
        case .applicant:
            guard scope.organisation != nil, scope.regions.isEmpty, scope.territory == nil else {
                throw DomainError(
                    "portee_organisation",
                    "Le rôle \(role.label) s’applique à une organisation : précisez son SIREN (--organisation SIREN).")
            }
        }
    }
}
