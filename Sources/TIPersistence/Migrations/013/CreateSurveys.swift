import FluentKit

/// Survey campaigns (a questionnaire sent to a population until a closing date) and their
/// invitations (a personal link, only its hash stored, and the respondent's answers).
struct CreateSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_campaigns")
            .field("id", .uuid, .identifier(auto: false))
            .field("title", .string, .required)
            .field("introduction", .string, .required)
            .field("questionnaire", .string, .required)
            .field("population", .string, .required)
            .field("call_id", .uuid)
            .field("laureates_from", .string)
            .field("laureates_to", .string)
            .field("closes_on", .string, .required)
            .field("created_epoch", .double, .required)
            .field("launched_epoch", .double)
            .create()
        try await database.schema("survey_invitations")
            .field("id", .uuid, .identifier(auto: false))
            .field("campaign_id", .uuid, .required, .references("survey_campaigns", "id"))
            .field("token_hash", .string, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("region_code", .string)
            .field("sent_epoch", .double)
            .field("reminded_epoch", .double)
            .field("reminders", .int, .required)
            .field("answers", .string)
            .field("saved_epoch", .double)
            .field("submitted_on", .string)
            .field("submitted_epoch", .double)
            .unique(on: "token_hash")
            .create()
        try await database.index("survey_invitations", "campaign_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_invitations").delete()
        try await database.schema("survey_campaigns").delete()
    }
}
