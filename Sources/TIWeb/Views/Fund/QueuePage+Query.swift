import FluentKit
import Foundation
import TIDomain
import TIPersistence

extension QueuePage.Model {
    /// The queue as `principal` sees it on `today`; an unknown call, state or amount in the filter is a 400.
    static func query(
        _ filter: QueueController.Filter, pageSize: Int, for principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> Self {
        let criteria = try filter.criteria()
        let total = try await ApplicationQueue.count(criteria, for: principal, on: db)
        let pagination = try Pagination(page: filter.page, size: pageSize)
        let applications = try await ApplicationQueue.rows(criteria, for: principal, range: pagination.range, on: db)
        let calls = try await CallQueries.all(on: db)
        let rules = Dictionary(calls.compactMap { c in c.id.map { ($0, c.rules) } }) { first, _ in first }
        let regions = try await GeoQueries.regionsByName(on: db).filter { FundAccess.worksOn(region: $0.code, principal) }
        let names = try await ApplicationQueue.reviewerNames(on: db)
        let answered = try await ApplicationQueue.answeredByApplicant(applications.compactMap(\.id), on: db)
        let rows = applications.compactMap { a -> QueuePage.Row? in
            guard let id = a.id else { return nil }
            let deposit = a.submittedOn.flatMap { try? CivilDate(parsing: $0) }
            let failed = rules[a.$call.id].map { rules in
                Eligibility.checks(a.content, rules: rules, submittedOn: deposit, regionCode: a.regionCode, today: today)
                    .filter { !$0.passed && a.eligibilityOverrides[$0.id] == nil }.count
            }
            return QueuePage.Row(
                id: id, reference: a.reference, carrierName: a.carrierName, title: a.displayName, regionCode: a.regionCode,
                state: a.state, daysSinceDeposit: deposit.map { today.days(since: $0) }, failedChecks: failed,
                instructor: a.assignedTo.flatMap { names[$0] }, requestedAid: EuroCents(cents: a.requestedAidCents ?? 0),
                jobsCreated: a.jobsCreated ?? 0, answered: answered.contains(id), inTerritory: a.territoryID != nil, fragile: a.fragile)
        }
        return Self(
            filter: filter, rows: rows, total: total, page: pagination.page, pageSize: pageSize,
            calls: calls.compactMap { c in c.id.map { ($0, c.title) } }, regions: regions.map { ($0.code, $0.name) },
            committeeRegions: FundAccess.sitsInCommittee(principal) ? regions.map(\.code) : [])
    }
}
