import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import TIPersistence
import Vapor

/// Sets up the application: database, migrations, middleware, routes, commands.
public func configure(_ app: Application, config: AppConfig? = nil) async throws {
    let config = try config ?? AppConfig.fromEnvironment(workingDirectory: app.directory.workingDirectory)
    app.config = config

    switch config.database {
    case .sqlite(let path):
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteInMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode") { postgres.coreConfiguration.tls = .disable }
        // Each server's connections carry its own name, so `/metrics` counts them in pg_stat_activity.
        postgres.coreConfiguration.options.additionalStartupParameters.append(("application_name", DatabasePoolUsage.applicationName))
        app.databases.use(
            .postgres(configuration: postgres, maxConnectionsPerEventLoop: config.database.connectionsPerLoop, sqlLogLevel: .debug),
            as: .psql)
    }
    if case .sqlite = config.database {
        // WAL lets readers work while the importer writes; it must be set outside any transaction.
        _ = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
    }
    app.migrations.add(AppMigrations.all)

    // API JSON: snake_case keys in a stable order, ISO 8601 dates.
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.passwordHashing = PasswordHashing(cost: config.bcryptCost)
    app.lifecycle.use(ShutdownPasswordHashing())
    app.lifecycle.use(
        ServeLoop(interval: config.webhookPollInterval) { app in
            let dispatcher = WebhookDispatcher(app: app)
            return { _ = await dispatcher.runDue() }
        })
    // The audit events recorded since the last round are linked into the log's hash chain.
    app.lifecycle.use(
        ServeLoop(interval: 1) { app in
            {
                do { try await AuditChain.linkIfPending(on: app.db) } catch {
                    app.logger.warning("audit chain: linking failed, retried in 1 s: \(String(reflecting: error))")
                }
            }
        })
    app.lifecycle.use(GracefulShutdown())  // last registered, first shut down: before the databases
    app.http.client.configuration.redirectConfiguration = .disallow  // webhooks: a 3xx is a failure, never followed
    switch config.mailer {
    case "sendmail": app.mailer = SendmailMailer(path: Environment.get("TI_SENDMAIL") ?? "/usr/sbin/sendmail", from: config.mailFrom)
    case "memory": app.mailer = CapturingMailer()
    default: app.mailer = FileMailer(directory: config.mailDirectory, from: config.mailFrom, logger: app.logger)
    }
    app.rateLimiter = RateLimiter(limit: config.apiRateLimit)
    app.awardingBodies = try OpenDataController.awardingBodies(file: config.awardingBodiesFile, logger: app.logger)
    app.fileStorage = LocalFileStorage(directory: config.uploadDirectory)

    // gzip for text answers (HTML, JSON, CSV, SVG) when the client accepts it; images and PDFs as
    // they are. Kept pages are compressed once, and tell the server's compressor to let them be.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    if !Brotli.isAvailable {
        app.logger.warning("libbrotlienc.so.1 introuvable (paquet libbrotli1) : pages gardées en gzip seulement, sans brotli.")
    }
    // Vapor's own request metrics: no metrics backend is bootstrapped (ours are `RequestMetrics`),
    // so they would only cost a route template per request.
    app.http.server.configuration.reportMetrics = false
    app.metrics = RequestMetrics()
    app.demoFlag = DemoFlag()
    app.indicatorCache = IndicatorCache(recheck: app.environment == .testing ? 0 : 0.5)
    try routes(app)
    app.pageCache = PageCache(routes: app.routes.all)
    app.healthProbes = HealthProbes(routes: app.routes.all)

    // Outermost first: ids, logs, metrics and the answers given again (`FrontMiddleware`); errors
    // become pages or JSON inside the security headers; sessions and tokens are read before CSRF
    // and before each route's access guard.
    app.middleware = Middlewares()
    app.middleware.use(
        FrontMiddleware(metrics: app.metrics, probes: app.healthProbes, pages: app.pageCache, versions: app.indicatorCache))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SiteErrorMiddleware(environment: app.environment))
    app.middleware.use(InputGuardMiddleware())
    app.middleware.use(CORSPreflight())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: config.publicDirectory, defaultFile: nil))
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(BearerAuthenticator())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(PageContextMiddleware())
    registerCommands(app)
}

/// Stops the password-hashing threads with the application.
private struct ShutdownPasswordHashing: LifecycleHandler {
    func shutdown(_ application: Application) { application.passwordHashing.shutdown() }
}
