import Vapor

/// The first middleware every request meets, and the only one an answer given again meets. It
/// gives the request its id and log lines (`RequestLog`), times it for the metrics
/// (`RequestMetrics`), and answers on the event loop what needs nothing further: a health probe
/// within a second of its last positive answer (`HealthProbes`), a public page kept for the current
/// data version (`PageCache`). Everything else goes on down the async middleware.
///
/// One middleware rather than four (log, metrics, probes, kept pages): each one is a hop through
/// Vapor's responder chain and a chain of futures, and the four were 14 % of the server's time on
/// a kept 6 KB answer (a `perf` profile under wrk). The objects it uses are given once, at
/// configuration, instead of being looked up in the application's storage at every request.
/// Future-based: an async middleware costs a hop from the event loop to Swift's executor and back.
struct FrontMiddleware: Middleware {
    let metrics: RequestMetrics
    let probes: HealthProbes
    let pages: PageCache
    let versions: IndicatorCache

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let id = RequestLog.id(of: request)
        let start = ContinuousClock.now
        metrics.started()
        request.logger.info("\(request.method) \(request.loggablePath)")

        let answer: EventLoopFuture<Response>
        switch door(request) {
        case .probe(let path):
            if let recent = versions.recentVersion(), let kept = probes.answer(path, version: recent) {
                return request.eventLoop.makeSucceededFuture(logged(HealthProbes.response(kept, for: request, id: id), request, start))
            }
            answer = request.eventLoop.makeFutureWithTask { [probes, versions] in
                try await probes.respond(to: request, probe: path, next: next, versions: versions)
            }
        case .page:
            let key = PageCache.key(request)
            let recent = versions.recentVersion()
            if let recent, let entry = pages.entry(key, version: recent) {
                return request.eventLoop.makeSucceededFuture(logged(PageCache.response(entry, for: request, id: id), request, start))
            }
            answer = request.eventLoop.makeFutureWithTask { [pages, versions] in
                try await pages.respond(to: request, key: key, next: next, missed: recent, versions: versions)
            }
        case .onward:
            answer = next.respond(to: request)
        }
        return answer.map { response in
            response.headers.replaceOrAdd(name: RequestLog.header, value: id)
            return logged(response, request, start)
        }.flatMapErrorThrowing { error in
            request.logger.info("\(request.method) \(request.loggablePath) → erreur en \(RequestLog.milliseconds(since: start)) ms")
            metrics.observe(route: request.route, method: request.method, status: 500, seconds: start.secondsSince)
            throw error
        }
    }

    private enum Door {
        /// A health probe, by its path.
        case probe(String)
        /// A route registered `cached: true` (`PageCache.keeps`) may answer from the kept pages,
        /// for a GET without a session cookie or a token.
        case page
        case onward
    }

    private func door(_ request: Request) -> Door {
        guard request.method == .GET else { return .onward }
        // By the route Vapor found, not by the address: reading `url.path` again costs more than a kept answer.
        if let path = request.route.flatMap(probes.path(of:)) { return .probe(path) }
        guard let route = request.route, pages.keeps(route), !request.headers.contains(name: .authorization),
            request.cookies[SessionStore.cookieName] == nil
        else { return .onward }
        return .page
    }

    /// Logs and counts an answer (which carries its id already).
    private func logged(_ response: Response, _ request: Request, _ start: ContinuousClock.Instant) -> Response {
        request.logger.info(
            "\(request.method) \(request.loggablePath) → \(response.status.code) en \(RequestLog.milliseconds(since: start)) ms")
        metrics.observe(route: request.route, method: request.method, status: response.status.code, seconds: start.secondsSince)
        return response
    }
}
