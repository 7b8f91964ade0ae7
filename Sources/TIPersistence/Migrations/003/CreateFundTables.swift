import FluentKit
import FluentSQL
import TIDomain

struct CreateAidRegimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AidRegimeRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("label", .string, .required)
            .field("ceiling_cents", .int64, .required)
            .create()
        // The temporary Covid framework (SA.56985, section 3.1): 1.8 M€ per undertaking over
        // 2020–2021, 2.3 M€ from 2022. Data, editable; recorded here as the starting point.
        try await AidRegimeRecord(id: "SA.56985-2020", label: "Encadrement temporaire SA.56985 §3.1 (2020-2021)",
                                  ceiling: EuroCents(euros: 1_800_000)).create(on: database)
        try await AidRegimeRecord(id: "SA.56985-2022", label: "Encadrement temporaire SA.56985 §3.1 (2022)",
                                  ceiling: EuroCents(euros: 2_300_000)).create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AidRegimeRecord.schema).delete()
    }
}

struct CreateCalls: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundCall.schema)
            .id()
            .field("regime_id", .string, .required, .references(AidRegimeRecord.schema, "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("carriers", .string, .required)
            .field("sizes", .string, .required)
            .field("regions", .string, .required)
            .field("min_investment_cents", .int64, .required)
            .field("start_within_months", .int, .required)
            .field("collaborative", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FundCall.schema).delete()
    }
}

struct CreateEnvelopes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Envelope.schema)
            .id()
            .field("call_id", .uuid, .required, .references(FundCall.schema, "id"))
            .field("region_code", .string, .required, .references(Region.schema, "code"))
            .field("funder", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("committed_cents", .int64, .required)
            .field("paid_cents", .int64, .required)
            .field("one_for_one", .bool, .required)
            .unique(on: "call_id", "region_code", "funder")
            .create()
        try await database.schema(EnvelopeMovement.schema)
            .id()
            .field("envelope_id", .uuid, .required, .references(Envelope.schema, "id"))
            .field("application_id", .uuid)
            .field("kind", .string, .required)
            .field("amount_cents", .int64, .required)
            .field("at_epoch", .double, .required)
            .field("actor_id", .string)
            .field("note", .string)
            .create()
        try await database.index(EnvelopeMovement.schema, "envelope_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EnvelopeMovement.schema).delete()
        try await database.schema(Envelope.schema).delete()
    }
}

struct CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundApplication.schema)
            .id()
            .field("reference", .string)
            .field("call_id", .uuid, .required, .references(FundCall.schema, "id"))
            .field("organisation_siren", .string, .required)
            .field("created_by", .uuid)
            .field("state", .string, .required)
            .field("carrier_name", .string).field("siren", .string).field("carrier_kind", .string).field("size", .string)
            .field("legal_form", .string).field("naf_code", .string).field("sector", .string)
            .field("commune_code", .string).field("title", .string).field("description", .string)
            .field("investment_buildings_cents", .int64, .required).field("investment_equipment_cents", .int64, .required)
            .field("investment_intangible_cents", .int64, .required).field("investment_other_cents", .int64, .required)
            .field("investment_total_cents", .int64, .required)
            .field("requested_aid_cents", .int64)
            .field("start_on", .string).field("end_on", .string)
            .field("jobs_created", .int).field("jobs_maintained", .int)
            .field("stakes", .string, .required).field("stakes_known", .bool, .required).field("skills_categories", .string, .required)
            .field("ecological_categories", .string, .required)
            .field("training_places", .int).field("relocated_jobs", .int)
            .field("partners_json", .string, .required)
            .field("region_code", .string).field("departement_code", .string).field("epci_siren", .string)
            .field("territory_id", .string).field("fragile", .bool, .required).field("zonings", .string, .required)
            .field("submitted_on", .string).field("decided_on", .string)
            .field("info_reason", .string).field("info_message", .string)
            .field("technical_opinion", .string).field("financial_opinion", .string)
            .field("eligible_investment_cents", .int64)
            .field("proposed_state_cents", .int64).field("proposed_region_cents", .int64)
            .field("eligibility_overrides_json", .string, .required)
            .field("state_favourable", .bool).field("state_motivation", .string).field("state_decided_by", .string)
            .field("region_favourable", .bool).field("region_motivation", .string).field("region_decided_by", .string)
            .field("aid_state_cents", .int64, .required).field("aid_region_cents", .int64, .required)
            .field("regime_id", .string, .required, .references(AidRegimeRecord.schema, "id"))
            .field("agreement_reference", .string).field("agreement_on", .string)
            .field("search_text", .string, .required)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        for columns in [["state"], ["region_code", "state"], ["organisation_siren"], ["siren", "regime_id"], ["call_id"], ["territory_id"]] {
            try await database.index(FundApplication.schema, columns)
        }

        try await database.schema(ApplicationEvent.schema)
            .id()
            .field("application_id", .uuid, .required, .references(FundApplication.schema, "id"))
            .field("at_epoch", .double, .required).field("actor_id", .string).field("actor_role", .string, .required)
            .field("action", .string, .required).field("from_state", .string).field("to_state", .string).field("reason", .string)
            .create()
        try await database.index(ApplicationEvent.schema, "application_id")

        try await database.schema(ApplicationMessage.schema)
            .id()
            .field("application_id", .uuid, .required, .references(FundApplication.schema, "id"))
            .field("author_id", .string, .required).field("author_role", .string, .required).field("author_name", .string, .required)
            .field("body", .string, .required).field("at_epoch", .double, .required)
            .create()
        try await database.index(ApplicationMessage.schema, "application_id")

        try await database.schema(Attachment.schema)
            .id()
            .field("application_id", .uuid, .required, .references(FundApplication.schema, "id"))
            .field("message_id", .uuid)
            .field("filename", .string, .required).field("content_type", .string, .required)
            .field("size_bytes", .int, .required).field("storage_key", .string, .required)
            .field("uploaded_by", .string, .required).field("at_epoch", .double, .required)
            .create()
        try await database.index(Attachment.schema, "application_id")

        try await database.schema(Payment.schema)
            .id()
            .field("application_id", .uuid, .required, .references(FundApplication.schema, "id"))
            .field("funder", .string, .required).field("amount_cents", .int64, .required)
            .field("due_on", .string).field("paid_on", .string).field("reference", .string)
            .create()
        try await database.index(Payment.schema, "application_id")

        try await database.schema(FollowUp.schema)
            .id()
            .field("application_id", .uuid, .required, .references(FundApplication.schema, "id"))
            .field("on_date", .string, .required).field("jobs_created", .int, .required)
            .field("investment_cents", .int64, .required).field("comment", .string).field("recorded_by", .string, .required)
            .create()
        try await database.index(FollowUp.schema, "application_id")

        try await database.schema(Notification.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("application_id", .uuid)
            .field("text", .string, .required).field("at_epoch", .double, .required).field("read", .bool, .required)
            .create()
        try await database.index(Notification.schema, "user_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [Notification.schema, FollowUp.schema, Payment.schema, Attachment.schema, ApplicationMessage.schema,
                       ApplicationEvent.schema, FundApplication.schema] {
            try await database.schema(schema).delete()
        }
    }
}
