import FluentKit
import TIDomain
import TIPersistence

extension ApplicationShowPage.Model {
    /// The page as `principal` may see it on `today` (events filtered by `FundAccess`, review
    /// content and instructors for staff only).
    static func query(
        _ application: FundApplication, for principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> Self {
        let file = try await ApplicationFile.load(application, on: db)
        let checks =
            Eligibility.checks(
                application.content, rules: file.call.rules,
                submittedOn: application.submittedOn.flatMap { try? CivilDate(parsing: $0) },
                regionCode: application.regionCode, today: today)
            + [try await FundService.ceilingCheck(application, on: db)].compactMap { $0 }
        return Self(
            application: ApplicationDetail(application), call: file.call, principal: principal,
            place: try await CommuneResolver.resolve(stored: application.communeCode, on: db),
            checks: checks, events: FundAccess.visibleEvents(file.events, principal), messages: file.messages,
            attachments: file.attachments, payments: file.payments, followUps: file.followUps, actorNames: file.actorNames,
            instructors: FundAccess.seesReview(principal) ? try await FundAccess.instructors(region: application.regionCode, on: db) : [],
            today: today)
    }
}
