import Fluent
import Vapor

/// `ti serve --env production` refuses to start while a demonstration account (published password) exists.
enum ProductionGuard {
    static func check(_ app: Application) async throws {
        guard app.environment == .production else { return }
        let demo = try await TIPersistenceUser.query(on: app.db).filter(\.$isDemo == true).count()
        guard demo == 0 else { throw DemoAccountsInProduction(count: demo) }
    }
}
