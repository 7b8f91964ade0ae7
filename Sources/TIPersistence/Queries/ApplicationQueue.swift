import FluentKit
import FluentSQL
import Foundation
import TIDomain

/// The applications of a queue, within what the principal may see (`FundAccess.scoped`).
public enum ApplicationQueue {
    public static func count(_ filter: ApplicationQueueFilter, for principal: Principal, on db: any Database) async throws -> Int {
        try await query(filter, principal, db).count()
    }

    /// One page (`range` of the sorted list), or every row when `range` is nil.
    public static func rows(
        _ filter: ApplicationQueueFilter, for principal: Principal, range: Range<Int>? = nil, on db: any Database
    ) async throws -> [FundApplication] {
        let sorted = order(query(filter, principal, db), filter.order)
        return try await (range.map { sorted.range($0) } ?? sorted).all()
    }

    /// An applicant's files with the title of their call, last updated first.
    public static func mine(_ principal: Principal, on db: any Database) async throws -> [(
        application: ApplicationDetail, callTitle: String
    )] {
        try await FundAccess.scoped(FundApplication.query(on: db), principal).with(\.$call).sort(\.$updatedAt, .descending).all()
            .map { (ApplicationDetail($0), $0.call.title) }
    }

    /// A notification as « mes dossiers » lists it.
    public struct Notice: Sendable, Equatable {
        public var atEpoch: Double
        public var text: String
        public var applicationID: UUID?

        public init(atEpoch: Double, text: String, applicationID: UUID?) {
            (self.atEpoch, self.text, self.applicationID) = (atEpoch, text, applicationID)
        }
    }

    /// A person's latest notifications, newest first.
    public static func notifications(of userID: UUID, limit: Int = 10, on db: any Database) async throws -> [Notice] {
        try await Notification.query(on: db).filter(\.$user.$id == userID).sort(\.$atEpoch, .descending).limit(limit).all()
            .map { Notice(atEpoch: $0.atEpoch, text: $0.text, applicationID: $0.applicationID) }
    }

    /// Among `ids`, the applications whose latest message was written by the applicant (an answer waiting to be read).
    public static func answeredByApplicant(_ ids: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let messages = try await ApplicationMessage.query(on: db).filter(\.$application.$id ~~ ids).sort(\.$atEpoch).all()
        let latest = Dictionary(messages.map { ($0.$application.id, $0) }) { _, later in later }
        return Set(latest.filter { $0.value.authorRole == Role.applicant.rawValue }.keys)
    }

    /// Reviewers' names by user id (the instructor in charge of a file).
    public static func reviewerNames(on db: any Database) async throws -> [String: String] {
        Dictionary(
            try await User.query(on: db).filter(\.$role == .reviewer).all().compactMap { u in u.id.map { ($0.uuidString, u.displayName) } }
        ) { first, _ in first }
    }

    /// A région's committee at a glance: its files in committee, the aid proposed and the jobs
    /// announced (summed by the database, whatever page is shown).
    public struct CommitteeSummary: Sendable, Equatable {
        public var count: Int
        public var proposed: EuroCents
        public var jobsCreated: Int

        public init(count: Int, proposed: EuroCents, jobsCreated: Int) {
            (self.count, self.proposed, self.jobsCreated) = (count, proposed, jobsCreated)
        }
    }

    public static func committeeSummary(region code: String, on db: any Database) async throws -> CommitteeSummary {
        let row = try await (db as! any SQLDatabase).raw(
            """
            SELECT COUNT(*) AS n,
                   CAST(COALESCE(SUM(COALESCE(proposed_state_cents, 0) + COALESCE(proposed_region_cents, 0)), 0) AS BIGINT) AS proposed,
                   CAST(COALESCE(SUM(jobs_created), 0) AS BIGINT) AS jobs
            FROM applications WHERE region_code = \(bind: code) AND state = \(bind: ApplicationState.inCommittee.rawValue)
            """
        ).first()
        return CommitteeSummary(
            count: Int(try row?.decode(column: "n", as: Int64.self) ?? 0),
            proposed: EuroCents(cents: try row?.decode(column: "proposed", as: Int64.self) ?? 0),
            jobsCreated: Int(try row?.decode(column: "jobs", as: Int64.self) ?? 0))
    }

    /// One page (`range`) of a région's applications in committee by reference, then those of
    /// `alsoDecided` that have left it (just decided on this page, shown with their result).
    public static func committee(
        region code: String, range: Range<Int>, alsoDecided: Set<UUID> = [], on db: any Database
    ) async throws -> [ApplicationDetail] {
        let pending = try await FundApplication.query(on: db).filter(\.$regionCode == code)
            .filter(\.$state == .inCommittee).sort(\.$reference).sort(\.$id).range(range).all()
        let decided =
            alsoDecided.isEmpty
            ? []
            : try await FundApplication.query(on: db).filter(\.$id ~~ alsoDecided).filter(\.$state != .inCommittee)
                .sort(\.$reference).all()
        return (pending + decided).map(ApplicationDetail.init)
    }

    /// Among `ids`, the région's applications in committee, by reference (the files a committee form decides).
    public static func inCommittee(region code: String, ids: Set<UUID>, on db: any Database) async throws -> [ApplicationDetail] {
        guard !ids.isEmpty else { return [] }
        return try await FundApplication.query(on: db).filter(\.$regionCode == code).filter(\.$state == .inCommittee)
            .filter(\.$id ~~ ids).sort(\.$reference).all().map(ApplicationDetail.init)
    }

    static func query(_ f: ApplicationQueueFilter, _ principal: Principal, _ db: any Database) -> QueryBuilder<FundApplication> {
        var q = FundAccess.scoped(FundApplication.query(on: db), principal)
        if let id = f.callID { q = q.filter(\.$call.$id == id) }
        if let v = f.region { q = q.filter(\.$regionCode == v) }
        if let v = f.departement { q = q.filter(\.$departementCode == v.uppercased()) }
        switch f.states {
        case .toProcess: q = q.filter(\.$state ~~ ApplicationState.toProcess)
        case .all: break
        case .only(let state): q = q.filter(\.$state == state)
        }
        if let v = f.inTerritory { q = v ? q.filter(\.$territoryID != nil) : q.filter(\.$territoryID == nil) }
        if let v = f.fragile { q = q.filter(\.$fragile == v) }
        if let v = f.size { q = q.filter(\.$size == v) }
        if let v = f.sector { q = q.filter(\.$sector == v) }
        if let v = f.aidMin { q = q.filter(\.$requestedAidCents >= v.cents) }
        if let v = f.aidMax { q = q.filter(\.$requestedAidCents <= v.cents) }
        if let v = f.text { q = q.filter(.sql(unsafeRaw: "search_text"), .custom("LIKE"), .bind(SearchText.likeAnywhere(v))) }
        return q
    }

    static func order(_ q: QueryBuilder<FundApplication>, _ order: ApplicationQueueFilter.Order) -> QueryBuilder<FundApplication> {
        switch order {
        case .aid: q.sort(\.$requestedAidCents, .descending).sort(\.$id)
        case .name: q.sort(\.$carrierName).sort(\.$id)
        case .reference: q.sort(\.$reference).sort(\.$id)
        case .deposit: q.sort(\.$submittedOn, .descending).sort(\.$reference, .descending).sort(\.$id)
        }
    }
}
