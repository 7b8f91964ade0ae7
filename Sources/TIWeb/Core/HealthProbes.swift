import NIOConcurrencyHelpers
import Vapor

/// The health probes (`/healthz`, `/healthz/ready`, `/healthz/live`), answered again for a second
/// from their last positive answer, on the event loop, before the rest of the middleware
/// (`FrontMiddleware`): a proxy or a monitor probing every few milliseconds costs a lookup. Only
/// `200` answers are kept (a server not ready checks again at every probe), under the data version
/// the page cache uses (none readable: the route answers, and says what is wrong), and never longer
/// than `lifetime`: a server whose database goes away is 503 within that second.
final class HealthProbes: Sendable {
    static let paths: Set<String> = [SiteURL.health.path, SiteURL.healthReady.path, SiteURL.healthLive.path]
    /// How long an answer is given again.
    static let lifetime = Duration.seconds(1)

    struct Answer: Sendable {
        var version: Int64
        var at: ContinuousClock.Instant
        var route: Route?
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    private struct State {
        var answers: [String: Answer] = [:]
        var hits = 0
    }

    private let state = NIOLockedValueBox(State())
    /// The probes' routes, by identity.
    private let routes: [ObjectIdentifier: String]

    /// Made once the routes are registered.
    init(routes: [Route]) {
        var probes: [ObjectIdentifier: String] = [:]
        for route in routes where route.method == .GET && Self.paths.contains(route.template) {
            probes[ObjectIdentifier(route)] = route.template
        }
        self.routes = probes
    }

    func path(of route: Route) -> String? { routes[ObjectIdentifier(route)] }

    func answer(_ path: String, version: Int64) -> Answer? {
        state.withLockedValue { state in
            guard let answer = state.answers[path], answer.version == version, ContinuousClock.now - answer.at < Self.lifetime
            else { return nil }
            state.hits += 1
            return answer
        }
    }

    func keep(_ answer: Answer, for path: String) {
        state.withLockedValue { $0.answers[path] = answer }
    }

    /// Probes answered from a kept answer.
    var hits: Int { state.withLockedValue { $0.hits } }
}

extension HealthProbes {
    /// A probe with no kept answer for the version read less than `IndicatorCache.recheck` ago:
    /// the version is read now, and a `200` is kept under it.
    func respond(to request: Request, probe path: String, next: any Responder, versions: IndicatorCache) async throws -> Response {
        // No version (database unreachable, not migrated): the route says what is wrong.
        guard let version = try? await versions.currentVersion(on: request.db) else {
            return try await next.respond(to: request).get()
        }
        if let kept = answer(path, version: version) { return Self.response(kept, for: request, id: nil) }
        let response = try await next.respond(to: request).get()
        if response.status == .ok, let body = response.body.buffer {
            // Written once: the length, and the mark that keeps the server's compressor off (a few
            // hundred bytes, not worth it).
            var headers = response.headers
            headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
            headers.responseCompression = .disable
            keep(.init(version: version, at: .now, route: request.route, headers: headers, body: body), for: path)
        }
        return response
    }

    /// A kept answer, with the request's id when given (else `FrontMiddleware` adds it).
    static func response(_ kept: Answer, for request: Request, id: String?) -> Response {
        request.route = kept.route  // for the metrics
        var headers = kept.headers
        if let id { headers.add(name: RequestLog.header, value: id) }
        return Response(status: .ok, version: .http1_1, headersNoUpdate: headers, body: .init(buffer: kept.body))
    }
}

extension Application {
    private struct HealthProbesKey: StorageKey { typealias Value = HealthProbes }

    /// Set by `configure`.
    var healthProbes: HealthProbes {
        get { storage[HealthProbesKey.self]! }
        set { storage[HealthProbesKey.self] = newValue }
    }
}
