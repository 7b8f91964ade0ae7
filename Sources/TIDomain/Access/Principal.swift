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
        case .partner: return false
        case .applicant: return organisation != nil && scope.organisation?.rawValue == organisation
        }
    }
}
