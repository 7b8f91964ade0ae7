/// Who writes and who publishes inspiring projects: the territory for its own TI, the Région for
/// the TI of its régions, admins for all; only admins publish.
public enum InspiringAccess {
    public static func mayEdit(_ p: Principal?, territory: TerritoryID, regions: [String]) -> Bool {
        guard let p else { return false }
        switch p.role {
        case .admin: return true
        case .territory: return p.scope.territory == territory
        case .region: return regions.contains(where: p.scope.regions.contains)
        default: return false
        }
    }

    public static func mayPublish(_ p: Principal?) -> Bool { p?.role == .admin }
}
