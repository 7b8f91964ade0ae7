import FluentKit

/// What figures at a date need beyond the event history: when a follow-up was entered (to leave
/// late entries out of « as known at »), when a TI left the programme, and the jobs an application
/// forecasts by its call's horizon (« 47 % of planned jobs by the end of 2023 » was such a forecast),
/// and the dated history of what figures read of a call (whether it is collaborative).
struct AddDatedFigures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("follow_ups").field("recorded_on", .string).update()
        try await database.schema("territories").field("end_date", .string).update()
        try await database.schema("applications").field("jobs_by_horizon", .int).update()
        try await database.schema("call_history")
            .field("id", .uuid, .identifier(auto: false))
            .field("call_id", .uuid, .required, .references("calls", "id"))
            .field("at_epoch", .double, .required)
            .field("collaborative", .bool, .required)
            .create()
        try await database.index("call_history", "call_id")
        // Which applications each data version changed (NULL: anything, reload everything).
        try await database.schema("data_changes")
            .field("version", .int64, .required)
            .field("application_id", .uuid)
            .create()
        try await database.index("data_changes", "version")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("call_history").delete()
        try await database.schema("data_changes").delete()
        try await database.schema("follow_ups").deleteField("recorded_on").update()
        try await database.schema("territories").deleteField("end_date").update()
        try await database.schema("applications").deleteField("jobs_by_horizon").update()
    }
}
