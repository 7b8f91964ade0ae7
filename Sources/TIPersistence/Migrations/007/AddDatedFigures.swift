import FluentKit

/// What figures at a date need beyond the event history: when a follow-up was entered (to leave
/// late entries out of « as known at »), when a TI left the programme, and the jobs an application
/// forecasts by its call's horizon (« 47 % of planned jobs by the end of 2023 » was such a forecast).
struct AddDatedFigures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("follow_ups").field("recorded_on", .string).update()
        try await database.schema("territories").field("end_date", .string).update()
        try await database.schema("applications").field("jobs_by_horizon", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_ups").deleteField("recorded_on").update()
        try await database.schema("territories").deleteField("end_date").update()
        try await database.schema("applications").deleteField("jobs_by_horizon").update()
    }
}
