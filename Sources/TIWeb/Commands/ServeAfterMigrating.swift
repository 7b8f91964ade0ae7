import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti serve [--hostname H] [--port P]`: runs pending migrations, then serves (127.0.0.1:8080 by
/// default) and loads the figures' dataset in the background.
struct ServeAfterMigrating: AsyncCommand {
    typealias Signature = ServeCommand.Signature
    var help: String { "Applique les migrations en attente puis démarre le serveur (127.0.0.1:8080 par défaut)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        do {
            try await ProductionGuard.check(app, allowSQLite: Environment.get("TI_PRODUCTION_SQLITE") == "1")
        } catch let refusal as ProductionRefusal {
            context.console.output(refusal.description.consoleText(.error))
            throw CommandFailure()
        }
        try await app.servers.asyncCommand.run(using: context, signature: signature)
        // Read the figures now, not on the first visitor's request; `/healthz/ready` says when done.
        app.indicatorCache.warmUp(on: app.db)
    }
}
