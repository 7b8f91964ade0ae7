import Fluent
import Vapor

/// `ti serve --env production` refuses to start on a configuration that would be unsafe or lose
/// data, and says every reason at once:
/// - a public address that is not HTTPS (session cookies would travel in clear, `Secure` unset);
/// - SQLite, unless `TI_PRODUCTION_SQLITE=1` says it is meant (one server only, no failover);
/// - the `debug` or `trace` log level (SQL with its values, personal data, in the logs);
/// - a demonstration account (its password is published in the README).
enum ProductionGuard {
    static func check(_ app: Application, allowSQLite: Bool = false) async throws {
        guard app.environment == .production else { return }
        var reasons: [String] = []
        if !app.config.publicURL.lowercased().hasPrefix("https://") {
            reasons.append("TI_PUBLIC_URL doit être une adresse https:// (lu : « \(app.config.publicURL) »).")
        }
        if app.config.database.kind == "sqlite", !allowSQLite {
            reasons.append(
                "la base est SQLite : en production, utilisez PostgreSQL (DATABASE_URL=postgres://…), ou TI_PRODUCTION_SQLITE=1 pour un serveur unique assumé."
            )
        }
        if app.logger.logLevel <= .debug {
            reasons.append(
                "le niveau de journal « \(app.logger.logLevel) » écrit les requêtes SQL et leurs valeurs : LOG_LEVEL=info au moins.")
        }
        let demo = try await TIPersistenceUser.query(on: app.db).filter(\.$isDemo == true).count()
        if demo > 0 {
            reasons.append(
                "\(demo) compte(s) de démonstration existent, avec des mots de passe publiés : utilisez une base sans données de démonstration."
            )
        }
        guard reasons.isEmpty else { throw ProductionRefusal(reasons: reasons) }
    }
}

struct ProductionRefusal: Error, CustomStringConvertible {
    var reasons: [String]
    var description: String {
        "Refus de démarrer en production :\n" + reasons.map { "  - \($0)" }.joined(separator: "\n")
    }
}
