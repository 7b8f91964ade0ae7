import FluentKit
import Foundation
import TIDomain

/// One respondent's personal link to a campaign (only the token's hash is stored) and their
/// answers: saved as a draft, then submitted once.
public final class SurveyInvitation: Model, @unchecked Sendable {
    public static let schema = "survey_invitations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "campaign_id") public var campaign: SurveyCampaign
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "region_code") public var regionCode: String?
    @OptionalField(key: "sent_epoch") public var sentEpoch: Double?
    @OptionalField(key: "reminded_epoch") public var remindedEpoch: Double?
    @Field(key: "reminders") public var reminders: Int
    /// JSON of `SurveyAnswers`.
    @OptionalField(key: "answers") public var answersJSON: String?
    @OptionalField(key: "saved_epoch") public var savedEpoch: Double?
    /// The day (Paris) it was submitted, for results at a date.
    @OptionalField(key: "submitted_on") public var submittedOn: String?
    @OptionalField(key: "submitted_epoch") public var submittedEpoch: Double?

    public init() {}

    init(campaign: UUID, tokenHash: String, email: String, name: String, region: String?) {
        id = UUID()
        $campaign.id = campaign
        self.tokenHash = tokenHash
        self.email = email
        self.name = name
        regionCode = region
        reminders = 0
    }

    public var answers: SurveyAnswers {
        guard let answersJSON else { return [:] }
        return (try? JSONDecoder().decode(SurveyAnswers.self, from: Data(answersJSON.utf8))) ?? [:]
    }

    static func json(_ a: SurveyAnswers) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(a)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
