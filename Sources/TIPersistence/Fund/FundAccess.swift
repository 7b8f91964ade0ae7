import FluentKit
import TIDomain

/// Which applications a principal may see. Outside this, an application answers 404.
///
/// - admin: all; region, prefecture, reviewer: their régions' applications once submitted;
/// - territory: applications sited in its TI once submitted (read only);
/// - applicant: its organisation's applications, drafts included; viewer and public: none here
///   (laureates are published through the indicators).
public enum FundAccess {
    public static func canSee(_ application: FundApplication, _ principal: Principal) -> Bool {
        switch principal.role {
        case .admin: return true
        case .applicant: return principal.covers(region: nil, organisation: application.organisationSiren)
        case .viewer, .partner: return false
        case .region, .prefecture, .reviewer:
            return application.state != .draft && principal.covers(region: application.regionCode)
        case .territory:
            return application.state != .draft && principal.covers(region: nil, territories: application.territoryID.map { [$0] } ?? [])
        }
    }

    /// Restricts a query to what the principal may see.
    public static func scoped(_ query: QueryBuilder<FundApplication>, _ principal: Principal) -> QueryBuilder<FundApplication> {
        switch principal.role {
        case .admin: return query
        case .applicant: return query.filter(\.$organisationSiren == (principal.scope.organisation?.rawValue ?? "-"))
        case .viewer, .partner: return query.filter(\.$organisationSiren == "-")
        case .region, .prefecture, .reviewer:
            return query.filter(\.$state != .draft).filter(\.$regionCode ~~ principal.scope.regions)
        case .territory:
            return query.filter(\.$state != .draft).filter(\.$territoryID == (principal.scope.territory?.rawValue ?? "-"))
        }
    }

    /// Whether a région's files are in the person's work: every région for the administrator,
    /// their own for regional staff (and the territory, whose queue is already scoped to its TI).
    public static func worksOn(region: String, _ principal: Principal) -> Bool {
        principal.role == .admin || principal.scope.regions.contains(region)
    }

    /// The State's and the Région's committee members (and the administrator) open committees.
    public static func sitsInCommittee(_ principal: Principal) -> Bool {
        [.region, .prefecture, .admin].contains(principal.role)
    }

    /// Envelopes are for staff: the administrator sees every région's, the others their own régions'.
    public static func seesEnvelopes(_ principal: Principal) -> Bool {
        [.admin, .reviewer, .region, .prefecture].contains(principal.role)
    }

    /// Only the administrator creates envelopes and tops them up.
    public static func managesEnvelopes(_ principal: Principal) -> Bool { principal.role == .admin }

    /// Whether an envelope of `region` is within this principal's envelopes.
    public static func seesEnvelope(region: String, _ principal: Principal) -> Bool {
        seesEnvelopes(principal) && (principal.role == .admin || principal.scope.regions.contains(region))
    }

    /// Restricts an envelope query to the principal's envelopes.
    public static func scopedEnvelopes(_ query: QueryBuilder<Envelope>, _ principal: Principal) -> QueryBuilder<Envelope> {
        guard seesEnvelopes(principal) else { return query.filter(\.$region.$id == "-") }
        return principal.role == .admin ? query : query.filter(\.$region.$id ~~ principal.scope.regions)
    }

    /// Review content (opinions, proposals, eligibility) is for staff, not for the applicant or the territory.
    public static func seesReview(_ principal: Principal) -> Bool {
        [.admin, .reviewer, .region, .prefecture].contains(principal.role)
    }

    /// Events of an application's history that carry review content (the reviewer's opinion and
    /// proposed aid, each party's decision key and motivation). Pages and API show them only to
    /// those who `seesReview`; the others see the state changes, never the opinions.
    public static let reviewEventActions: Set<String> = ["avis_instruction", "decision_state", "decision_region", "attribution"]

    /// Reviewers who may be put in charge of files of `region`.
    public static func instructors(region: String?, on db: any Database) async throws -> [(id: String, name: String)] {
        try await User.query(on: db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$displayName).all()
            .filter { Principal(userID: $0.id!.uuidString, role: $0.role, scope: $0.scope).covers(region: region) }
            .map { ($0.id!.uuidString, $0.displayName) }
    }

    /// The history as the principal may see it: the one rule for pages and API alike.
    public static func visibleEvents(_ events: [ApplicationFile.Event], _ principal: Principal) -> [ApplicationFile.Event] {
        seesReview(principal) ? events : events.filter { !reviewEventActions.contains($0.action) }
    }
}
