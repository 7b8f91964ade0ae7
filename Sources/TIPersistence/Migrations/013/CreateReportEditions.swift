import FluentKit

/// Editions of the « point d'étape » report: the editorial text per section, and once published
/// the frozen document (HTML) and its figures (JSON), which later data changes never touch.
struct CreateReportEditions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_editions")
            .field("id", .uuid, .identifier(auto: false))
            .field("title", .string, .required)
            .field("as_of", .string, .required)
            .field("region_code", .string)
            .field("editorial", .string, .required)
            .field("published_epoch", .double)
            .field("frozen_html", .string)
            .field("frozen_figures", .string)
            .field("created_epoch", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_editions").delete()
    }
}
