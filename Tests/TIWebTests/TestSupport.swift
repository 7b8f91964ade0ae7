import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
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
func withTestApp(
    geo: Bool = true, territories: Bool = false, adjust: (inout AppConfig) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
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
        var config = AppConfig(
            database: try AppConfig.databaseChoice(from: environmentURL ?? "sqlite://\(sqliteFile!)", workingDirectory: "/"),
            geoSourceDirectory: Fixtures.geo.path, publicDirectory: "/nonexistent/")
        config.mailer = "memory"
        config.bcryptCost = 4
        config.loginThrottle.delayPerFailure = 0
        adjust(&config)
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
    struct Detail: Decodable {
        var code: String
        var message: String
    }
    var error: Detail
}

extension TestingHTTPResponse {
    var text: String { body.string }
}

/// A browser for tests: keeps cookies, fills in the CSRF token of forms.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var bearer: String?

    init(_ app: Application) { self.app = app }

    @discardableResult
    func get(_ path: String) async throws -> TestingHTTPResponse {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form; the CSRF field is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, fields["_csrf"] == nil { fields["_csrf"] = try await csrfToken() }
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let bearer { headers.bearerAuthorization = .init(token: bearer) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    /// The CSRF token a page shows now, as a browser would read it from a form (it changes with
    /// the session, so it is read again after the cookies change).
    func csrfToken() async throws -> String {
        let state = [cookies["ti_session"], cookies["ti_csrf"]].map { $0 ?? "" }.joined(separator: "|")
        if let token = tokenByCookies[state] { return token }
        let page = try await get("/connexion").text
        let marker = "name=\"_csrf\" value=\""
        guard let start = page.range(of: marker)?.upperBound, let end = page[start...].firstIndex(of: "\"") else {
            throw TestFailure("no _csrf field on /connexion")
        }
        let token = String(page[start..<end])
        let after = [cookies["ti_session"], cookies["ti_csrf"]].map { $0 ?? "" }.joined(separator: "|")
        tokenByCookies[after] = token
        return token
    }

    private var tokenByCookies: [String: String] = [:]

    func signIn(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/connexion", ["email": email, "password": password])
    }
}

enum Accounts {
    static let password = "Motdepasse-solide-42"

    /// Creates an active account for a role, with a scope that fits it.
    @discardableResult
    static func make(
        _ role: Role, email: String? = nil, on app: Application, region: String = "94",
        territory: String = "TI-AJACCIO", organisation: String = "552100554", partner: String = "ademe"
    ) async throws -> TIPersistence.User {
        let draft = UserAccounts.Draft(
            email: email ?? "\(role.rawValue)@exemple.fr", displayName: "Compte \(role.rawValue)", role: role.rawValue,
            regions: [.region, .prefecture, .reviewer].contains(role) ? [region] : [],
            territory: role == .territory ? territory : nil, organisation: role == .applicant ? organisation : nil,
            partner: role == .partner ? partner : nil)
        let hash = try await app.password.async.hash(password)
        return try await UserAccounts.create(draft, passwordHash: hash, actor: .system(at: FundFixture.now), on: app.db)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
