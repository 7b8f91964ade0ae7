import FluentKit
import Foundation
import TIDomain

/// What the survey pages and the report read: campaigns with their counts, an invitation by its
/// link, and the submitted responses (anonymous: answers and région only).
public enum SurveyQueries {
    public struct CampaignSummary: Sendable, Equatable {
        public var id: UUID
        public var title: String
        public var introduction: String
        public var questionnaire: Questionnaire
        public var population: SurveyPopulation
        public var closesOn: CivilDate?
        public var launched: Bool
        public var invited: Int
        public var started: Int
        public var submitted: Int

        public func isOpen(today: CivilDate) -> Bool { closesOn.map { $0 >= today } ?? false }
    }

    static func summary(_ c: SurveyCampaign, invitations: [SurveyInvitation]) -> CampaignSummary {
        CampaignSummary(
            id: c.id!, title: c.title, introduction: c.introduction, questionnaire: c.questionnaire, population: c.population,
            closesOn: try? CivilDate(parsing: c.closesOn), launched: c.launchedEpoch != nil, invited: invitations.count,
            started: invitations.filter { $0.savedEpoch != nil && $0.submittedEpoch == nil }.count,
            submitted: invitations.filter { $0.submittedEpoch != nil }.count)
    }

    public static func list(on db: any Database) async throws -> [CampaignSummary] {
        let campaigns = try await SurveyCampaign.query(on: db).sort(\.$createdEpoch, .descending).all()
        let invitations = Dictionary(grouping: try await SurveyInvitation.query(on: db).all()) { $0.$campaign.id }
        return campaigns.map { summary($0, invitations: invitations[$0.id!] ?? []) }
    }

    public static func campaign(_ id: UUID, on db: any Database) async throws -> CampaignSummary? {
        guard let c = try await SurveyCampaign.find(id, on: db) else { return nil }
        return summary(c, invitations: try await SurveyInvitation.query(on: db).filter(\.$campaign.$id == id).all())
    }

    /// An invitation as its respondent sees it.
    public struct Invitation: Sendable {
        public var campaign: CampaignSummary
        public var name: String
        public var answers: SurveyAnswers
        public var submitted: Bool
    }

    public static func invitation(tokenHash: String, on db: any Database) async throws -> Invitation? {
        guard let i = try await SurveyInvitation.query(on: db).filter(\.$tokenHash == tokenHash).first(),
            let c = try await SurveyCampaign.find(i.$campaign.id, on: db)
        else { return nil }
        return Invitation(campaign: summary(c, invitations: []), name: i.name, answers: i.answers, submitted: i.submittedEpoch != nil)
    }

    /// The submitted responses of a campaign, of these régions only (nil: all), submitted on or
    /// before `asOf` (nil: all); and how many were invited among them.
    public static func responses(_ id: UUID, regions: Set<String>? = nil, asOf: CivilDate? = nil, on db: any Database) async throws
        -> (responses: [SurveyResponse], invited: Int)
    {
        let all = try await SurveyInvitation.query(on: db).filter(\.$campaign.$id == id).all()
            .filter { i in regions.map { r in i.regionCode.map(r.contains) ?? false } ?? true }
        let submitted = all.filter { i in
            guard let on = i.submittedOn else { return false }
            return asOf.map { on <= $0.iso } ?? true
        }
        return (submitted.map { SurveyResponse(region: $0.regionCode, answers: $0.answers) }, all.count)
    }

    /// The last campaign to this population closed on or before `asOf`, with its results at that date.
    public static func latestClosed(_ population: SurveyPopulation, asOf: CivilDate, on db: any Database) async throws -> (
        campaign: CampaignSummary, results: SurveyResults
    )? {
        guard
            let c = try await SurveyCampaign.query(on: db).filter(\.$population == population).filter(\.$closesOn <= asOf.iso)
                .sort(\.$closesOn, .descending).first()
        else { return nil }
        let invitations = try await SurveyInvitation.query(on: db).filter(\.$campaign.$id == c.requireID()).all()
        let (responses, invited) = try await Self.responses(c.requireID(), asOf: asOf, on: db)
        return (summary(c, invitations: invitations), SurveyResults(questionnaire: c.questionnaire, responses: responses, invited: invited))
    }
}
