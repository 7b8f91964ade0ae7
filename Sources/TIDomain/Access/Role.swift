/// Who a signed-in person is for the platform. Each role has a territorial scope.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// National programme team: everything.
    case admin
    /// Conseil régional: one région's applications; records the Région's decision.
    case region
    /// Préfecture de région: one région's applications; records the State's decision.
    case prefecture
    /// Bpifrance analyst: reviews applications of one or more régions.
    case reviewer
    /// Binôme or chef de projet: one TI's action plan; reads applications sited in its TI.
    case territory
    /// A company's representative: its own organisation's applications.
    case applicant
    /// Signed-in "premium" dataviz user: detailed, non-confidential data everywhere.
    case viewer

    public var label: String {
        switch self {
        case .admin: "Administration nationale"
        case .region: "Conseil régional"
        case .prefecture: "Préfecture de région"
        case .reviewer: "Instruction Bpifrance"
        case .territory: "Territoire d’industrie"
        case .applicant: "Porteur de projet"
        case .viewer: "Lecteur (accès détaillé)"
        }
    }

    public init(validating input: String) throws(DomainError) {
        guard let role = Role(rawValue: input.lowercased()) else {
            throw DomainError(
                "role_inconnu", "Le rôle « \(input) » est inconnu : \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        self = role
    }

    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

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

/// A signed-in person (or an API token acting for them): what every authorisation check looks at.
public struct Principal: Sendable, Equatable {
    public var userID: String
    public var role: Role
    public var scope: Scope

    public init(userID: String, role: Role, scope: Scope) {
        self.userID = userID
        self.role = role
        self.scope = scope
    }

    /// Whether an object located in `region` / `territories` / owned by `organisation` is within
    /// this principal's scope. Callers answer 404 when it is not (never reveal existence).
    public func covers(region: String?, territories: [String] = [], organisation: String? = nil) -> Bool {
        switch role {
        case .admin, .viewer: return true
        case .region, .prefecture, .reviewer: return region.map(scope.regions.contains) ?? false
        case .territory: return scope.territory.map { territories.contains($0.rawValue) } ?? false
        case .applicant: return organisation != nil && scope.organisation?.rawValue == organisation
        }
    }
}
