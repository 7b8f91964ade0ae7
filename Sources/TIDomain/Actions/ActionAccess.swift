/// Who may do what with an action plan. The public sees validated actions only; the fields
/// below the line (review state, the Région's reason) are for those who `seeAll`.
public enum ActionAccess {
    /// Writes the plan (forms and CSV import): the territory's own account, or an admin.
    public static func mayEdit(_ p: Principal?, territory: TerritoryID) -> Bool {
        guard let p else { return false }
        return p.role == .admin || (p.role == .territory && p.scope.territory == territory)
    }

    /// Validates an action or sends it back: the Région of (one of) the territory's régions, or an admin.
    public static func mayReview(_ p: Principal?, regions: [String]) -> Bool {
        guard let p else { return false }
        return p.role == .admin || (p.role == .region && regions.contains(where: p.scope.regions.contains))
    }

    /// Sees actions before validation and the review: who may edit or review, and the State's
    /// services of the territory's régions.
    public static func seesAll(_ p: Principal?, territory: TerritoryID, regions: [String]) -> Bool {
        guard let p else { return false }
        if mayEdit(p, territory: territory) || mayReview(p, regions: regions) { return true }
        return p.role == .prefecture && regions.contains(where: p.scope.regions.contains)
    }
}
