import NIOConcurrencyHelpers
import Vapor

/// The health probes (`/healthz`, `/healthz/ready`, `/healthz/live`), answered again for a second
/// from their last positive answer, on the event loop, before the rest of the middleware: a
/// proxy or a monitor probing every few milliseconds costs a lookup. Only `200` answers are kept
/// (a server not ready checks again at every probe), under the data version the page cache uses
/// (none readable: the route answers, and says what is wrong), and never longer than `lifetime`:
/// a server whose database goes away is 503 within that second.
struct HealthProbeMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let probes = request.application.healthProbes
        // By the route Vapor found, not by the address: reading `url.path` again costs more than a kept answer.
        guard request.method == .GET, let path = request.route.flatMap(probes.path(of:)) else {
            return next.respond(to: request)
        }
        if let recent = request.application.indicatorCache.recentVersion(), let kept = probes.answer(path, version: recent) {
            return request.eventLoop.makeSucceededFuture(Self.response(kept, for: request))
        }
        return request.eventLoop.makeFutureWithTask {
            // No version (database unreachable, not migrated): the route says what is wrong.
            guard let version = try? await request.application.indicatorCache.currentVersion(on: request.db) else {
                return try await next.respond(to: request).get()
            }
            if let kept = probes.answer(path, version: version) { return Self.response(kept, for: request) }
            let response = try await next.respond(to: request).get()
            if response.status == .ok, let body = response.body.buffer {
                // Written once: the length, and the mark that keeps the server's compressor off
                // (a few hundred bytes, not worth it).
                var headers = response.headers
                headers.replaceOrAdd(name: .contentLength, value: String(body.readableBytes))
                headers.responseCompression = .disable
                probes.keep(
                    .init(version: version, at: .now, route: request.route, headers: headers, body: body), for: path)
            }
            return response
        }
    }

    static func response(_ kept: HealthProbes.Answer, for request: Request) -> Response {
        request.route = kept.route  // for the metrics
        return Response(status: .ok, version: .http1_1, headersNoUpdate: kept.headers, body: .init(buffer: kept.body))
    }
}

/// The last positive answer of each probe (see `HealthProbeMiddleware`).
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

    private let answers = NIOLockedValueBox<[String: Answer]>([:])
    private let hitCount = NIOLockedValueBox(0)
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
        guard let answer = answers.withLockedValue({ $0[path] }), answer.version == version,
            ContinuousClock.now - answer.at < Self.lifetime
        else { return nil }
        hitCount.withLockedValue { $0 += 1 }
        return answer
    }

    func keep(_ answer: Answer, for path: String) {
        answers.withLockedValue { $0[path] = answer }
    }

    /// Probes answered from a kept answer.
    var hits: Int { hitCount.withLockedValue { $0 } }
}

extension Application {
    private struct HealthProbesKey: StorageKey { typealias Value = HealthProbes }

    /// Set by `configure`.
    var healthProbes: HealthProbes {
        get { storage[HealthProbesKey.self]! }
        set { storage[HealthProbesKey.self] = newValue }
    }
}
