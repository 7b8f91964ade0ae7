import FluentKit
import SQLKit

struct CreateAidRegimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("aid_regimes")
            .field("id", .string, .identifier(auto: false))
            .field("label", .string, .required)
            .field("ceiling_cents", .int64, .required)
            .create()
        // The temporary Covid framework (SA.56985, section 3.1): 1.8 M€ per undertaking over
        // 2020–2021, 2.3 M€ from 2022. Data, editable; recorded here as the starting point.
        try await (database as! any SQLDatabase).insert(into: "aid_regimes")
            .columns("id", "label", "ceiling_cents")
            .values(SQLBind("SA.56985-2020"), SQLBind("Encadrement temporaire SA.56985 §3.1 (2020-2021)"), SQLBind(Int64(180_000_000)))
            .values(SQLBind("SA.56985-2022"), SQLBind("Encadrement temporaire SA.56985 §3.1 (2022)"), SQLBind(Int64(230_000_000)))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("aid_regimes").delete()
    }
}
