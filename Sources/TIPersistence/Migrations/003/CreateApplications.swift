import FluentKit

struct CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .id()
            .field("reference", .string)
            .field("call_id", .uuid, .required, .references("calls", "id"))
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
            .field("regime_id", .string, .required, .references("aid_regimes", "id"))
            .field("agreement_reference", .string).field("agreement_on", .string)
            .field("search_text", .string, .required)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        for columns in [
            ["state"], ["region_code", "state"], ["organisation_siren"], ["siren", "regime_id"], ["call_id"], ["territory_id"],
        ] {
            try await database.index("applications", columns)
        }

        try await database.schema("application_events")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("at_epoch", .double, .required).field("actor_id", .string).field("actor_role", .string, .required)
            .field("action", .string, .required).field("from_state", .string).field("to_state", .string).field("reason", .string)
            .create()
        try await database.index("application_events", "application_id")

        try await database.schema("application_messages")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("author_id", .string, .required).field("author_role", .string, .required).field("author_name", .string, .required)
            .field("body", .string, .required).field("at_epoch", .double, .required)
            .create()
        try await database.index("application_messages", "application_id")

        try await database.schema("attachments")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("message_id", .uuid)
            .field("filename", .string, .required).field("content_type", .string, .required)
            .field("size_bytes", .int, .required).field("storage_key", .string, .required)
            .field("uploaded_by", .string, .required).field("at_epoch", .double, .required)
            .create()
        try await database.index("attachments", "application_id")

        try await database.schema("payments")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("funder", .string, .required).field("amount_cents", .int64, .required)
            .field("due_on", .string).field("paid_on", .string).field("reference", .string)
            .create()
        try await database.index("payments", "application_id")

        try await database.schema("follow_ups")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id"))
            .field("on_date", .string, .required).field("jobs_created", .int, .required)
            .field("investment_cents", .int64, .required).field("comment", .string).field("recorded_by", .string, .required)
            .create()
        try await database.index("follow_ups", "application_id")

        try await database.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("application_id", .uuid)
            .field("text", .string, .required).field("at_epoch", .double, .required).field("read", .bool, .required)
            .create()
        try await database.index("notifications", "user_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [
            "notifications", "follow_ups", "payments", "attachments", "application_messages",
            "application_events", "applications",
        ] {
            try await database.schema(schema).delete()
        }
    }
}
