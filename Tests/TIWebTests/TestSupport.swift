import Fluent
import Foundation
import Testing
import TIPersistence
import VaporTesting
@testable import TIWeb

/// Every test that touches the database runs inside this suite, one at a time, because on
/// PostgreSQL they share one database. `DATABASE_URL` selects the database (CI runs the suite
/// twice: SQLite, then PostgreSQL); unset, each test gets its own temporary SQLite file.
@Suite(.serialized) struct AppTests {}

enum Fixtures {
    static var directory: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var geo: URL { directory.appendingPathComponent("geo") }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

/// A configured application on a clean, migrated database; with the fixture geography unless `geo` is false.
func withTestApp(geo: Bool = true, territories: Bool = false, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    let environmentURL = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    let sqliteFile = environmentURL == nil ? "/tmp/ti-test-\(UUID().uuidString).sqlite" : nil
    defer {
        if let sqliteFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqliteFile + suffix) }
        }
    }
    do {
        let config = AppConfig(
            database: try AppConfig.databaseChoice(from: environmentURL ?? "sqlite://\(sqliteFile!)", workingDirectory: "/"),
            geoSourceDirectory: Fixtures.geo.path, publicDirectory: "/nonexistent/")
        try await configure(app, config: config)
        try await app.autoRevert()
        try await app.autoMigrate()
        if geo {
            _ = try await GeoImporter.run(source: GeoSource(directory: Fixtures.geo), on: app.db) { _ in }
        }
        if territories {
            _ = try await TerritoryImporter.run(csv: try Fixtures.text("territoires.csv"), on: app.db) { _ in }
        }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

struct ErrorBody: Decodable {
    struct Detail: Decodable { var code: String; var message: String }
    var error: Detail
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
