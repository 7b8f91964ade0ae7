/// The part of the country or the organisation a role applies to.
public struct Scope: Codable, Sendable, Equatable {
    /// Région codes (one for `region` and `prefecture`, one or more for `reviewer`).
    public var regions: [String]
    /// The TI of a `territory` account.
    public var territory: TerritoryID?
    /// The organisation of an `applicant` account.
    public var organisation: Siren?
    /// The partner (operator code, e.g. `ademe`) of a `partner` account.
    public var partner: String?

    public init(regions: [String] = [], territory: TerritoryID? = nil, organisation: Siren? = nil, partner: String? = nil) {
        self.regions = regions
        self.territory = territory
        self.organisation = organisation
        self.partner = partner
    }

    public static let national = Scope()

    /// Checks that a role gets exactly the scope it needs; French message otherwise.
    public static func validate(_ scope: Scope, for role: Role) throws(DomainError) {
        if role != .partner, scope.partner != nil {
            throw DomainError("portee_partenaire", "Seul le rôle \(Role.partner.label) se rattache à un partenaire (--partner).")
        }
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
        case .partner:
            guard scope.partner.map({ !$0.isEmpty }) == true, scope.regions.isEmpty, scope.territory == nil, scope.organisation == nil
            else {
                throw DomainError(
                    "portee_partenaire", "Le rôle \(role.label) s’applique à un partenaire : précisez son code (--partner CODE).")
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
