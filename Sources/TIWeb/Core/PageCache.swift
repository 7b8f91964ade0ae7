import NIOConcurrencyHelpers
import TIDomain
import Vapor

/// Public pages and API answers kept once rendered, per data version and day, uncompressed and
/// gzip-compressed, and in brotli once asked for again (when the system has it): a visitor's page
/// costs a dictionary lookup, not a rendering, until a write moves the version on
/// (`WriteTransaction`: every write does, in the database, so every server sees it within
/// `IndicatorCache.recheck`).
///
/// Only for routes registered with `cached: true` (anonymous GETs whose answer depends on the
/// address, the data and the day alone), only for visitors without a session or a token, and only
/// answers that are `200`, whole (not streamed), with their validator, without `Set-Cookie` and
/// without the visitor's CSRF token. Keeping a page of a newer version drops every page of older
/// ones (no visitor will be served them again); the budget is in bytes: past it, the pages served
/// least recently go (addresses asked for once, such as invented query strings, before the pages
/// everyone asks for).
final class PageCache: Sendable {
    struct Entry: Sendable {
        var version: Int64
        /// The route that answered (for the metrics of a hit).
        var route: Route?
        var headers: HTTPHeaders
        var body: ByteBuffer
        var gzip: ByteBuffer?
        var brotli: ByteBuffer?
        /// Its brotli form was asked for, on its first hit (computed once, even if that fails).
        var brotliAsked = false
        /// When it was last kept or served (`State.tick`): the least recent go first past the budget.
        var used: UInt64 = 0
        var entityTag: String
        /// The headers of each answer, written once: with the length, the encoding, and the mark
        /// that tells the server's compressor to let the answer be (it would compress again, or
        /// first read the content type to decide).
        let plainHeaders: HTTPHeaders
        let gzipHeaders: HTTPHeaders
        let brotliHeaders: HTTPHeaders
        var bytes: Int { body.readableBytes + (gzip?.readableBytes ?? 0) + (brotli?.readableBytes ?? 0) }

        init(
            version: Int64, route: Route?, headers: HTTPHeaders, body: ByteBuffer, gzip: ByteBuffer?, brotli: ByteBuffer? = nil,
            entityTag: String
        ) {
            (self.version, self.route, self.headers, self.body, self.gzip, self.brotli, self.entityTag) = (
                version, route, headers, body, gzip, brotli, entityTag
            )
            var plain = headers
            plain.remove(name: .contentLength)
            plain.responseCompression = .disable
            func encoded(_ coding: String?, _ body: ByteBuffer?) -> HTTPHeaders {
                var headers = plain
                if let coding { headers.replaceOrAdd(name: .contentEncoding, value: coding) }
                headers.add(name: .contentLength, value: String(body?.readableBytes ?? 0))
                return headers
            }
            (plainHeaders, gzipHeaders, brotliHeaders) = (encoded(nil, body), encoded("gzip", gzip), encoded("br", brotli))
        }
    }

    struct Counters: Sendable {
        var hits = 0
        var misses = 0
        var entries = 0
        var bytes = 0
        /// Entries kept in brotli too.
        var brotli = 0
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// The newest version kept so far.
        var newest = Int64.min
        /// Counts keeps and hits, to order entries by their last use.
        var tick: UInt64 = 0
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    private let state = NIOLockedValueBox(State())
    let budget: Int
    /// Larger answers are not kept (the export files are streamed anyway).
    static let largestBody = 16 << 20
    /// Smaller answers are kept plain only: compressing would save little.
    static let smallestGzip = 1_024

    /// The routes registered `cached: true`, by identity: only they are looked up.
    private let routes: Set<ObjectIdentifier>

    /// Made once the routes are registered.
    init(budget: Int = 128 << 20, routes: [Route] = []) {
        self.budget = budget
        self.routes = Set(routes.filter { $0.userInfo["cached"] as? Bool == true }.map(ObjectIdentifier.init))
    }

    /// Whether answers of this route may be kept (`FrontMiddleware` asks before any lookup).
    func keeps(_ route: Route) -> Bool { routes.contains(ObjectIdentifier(route)) }

    /// The entry kept for this address and version. Its first hit has its brotli form computed,
    /// off the event loop (25 to 35 ms for a 100 KB page): pages asked for again get it, addresses
    /// asked for once (a new query string) cost no more than their rendering.
    func entry(_ key: String, version: Int64) -> Entry? {
        let (entry, compress) = state.withLockedValue { state -> (Entry?, Bool) in
            guard let entry = state.entries[key], entry.version == version else {
                state.misses += 1
                return (nil, false)
            }
            state.hits += 1
            state.tick += 1
            let compress = entry.brotli == nil && !entry.brotliAsked && entry.gzip != nil && Brotli.isAvailable
            state.entries[key]?.used = state.tick
            if compress { state.entries[key]?.brotliAsked = true }
            return (entry, compress)
        }
        if let entry, compress {
            Task.detached(priority: .utility) { [self] in
                if let brotli = Brotli.compress(entry.body) { keepBrotli(brotli, of: entry, as: key) }
            }
        }
        return entry
    }

    /// Adds the brotli form to the entry it was computed from, if that is still kept (no write
    /// since) and the budget allows.
    func keepBrotli(_ brotli: ByteBuffer, of original: Entry, as key: String) {
        state.withLockedValue { state in
            guard let kept = state.entries[key], kept.version == original.version, kept.entityTag == original.entityTag,
                kept.brotli == nil, state.bytes + brotli.readableBytes <= budget
            else { return }
            var entry = Entry(
                version: kept.version, route: kept.route, headers: kept.headers, body: kept.body, gzip: kept.gzip, brotli: brotli,
                entityTag: kept.entityTag)
            (entry.brotliAsked, entry.used) = (true, kept.used)
            state.entries[key] = entry
            state.bytes += brotli.readableBytes
        }
    }

    func keep(_ entry: Entry, as key: String) {
        state.withLockedValue { state in
            // Rendered under a version that a write has since moved on: never served again.
            guard entry.version >= state.newest else { return }
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            if entry.version > state.newest {
                state.newest = entry.version
                state.entries = state.entries.filter { $0.value.version >= entry.version }
                state.bytes = state.entries.values.reduce(0) { $0 + $1.bytes }
            }
            if state.bytes + entry.bytes > budget {
                // The least recently used go, down to three quarters of the budget (not one at a time:
                // each pass sorts the entries).
                let byUse = state.entries.map { ($0.key, $0.value.used) }.sorted { $0.1 < $1.1 }
                for (old, _) in byUse where state.bytes + entry.bytes > budget * 3 / 4 {
                    if let gone = state.entries.removeValue(forKey: old) { state.bytes -= gone.bytes }
                }
            }
            state.tick += 1
            var entry = entry
            entry.used = state.tick
            state.entries[key] = entry
            state.bytes += entry.bytes
        }
    }

    var counters: Counters {
        state.withLockedValue {
            Counters(
                hits: $0.hits, misses: $0.misses, entries: $0.entries.count, bytes: $0.bytes,
                brotli: $0.entries.values.count { $0.brotli != nil })
        }
    }
}

/// Kept answers are served by `FrontMiddleware`, before the rest of the middleware (sessions,
/// CSRF, routing, access, the handler): a hit costs a lookup. What the inner middleware adds
/// (security headers, validators, CORS) is kept with the answer. Only for visitors without a
/// session cookie and without a token, on routes registered `cached: true`; the version is the one
/// `IndicatorCache` read less than `recheck` ago, else it is read now.
extension PageCache {
    static func key(_ request: Request) -> String {
        (request.isHTTPS ? "https " : "http ") + day(request.clock) + " " + request.url.string
    }

    /// Today in Paris, worked out once a minute (of the application's clock) rather than per request:
    /// at midnight, pages are keyed by the new day within the minute.
    static func day(_ clock: WallClock) -> String {
        let minute = Int64((clock.epoch / 60).rounded(.down))
        if let kept = today.withLockedValue({ $0 }), kept.minute == minute { return kept.day }
        let day = clock.today.iso
        today.withLockedValue { $0 = (minute, day) }
        return day
    }

    private static let today = NIOLockedValueBox<(minute: Int64, day: String)?>(nil)

    /// For a route this cache `keeps`: the version read now when none was recent (then the page may
    /// be kept already), or the recent one under which it was just `missed`; then the page, kept
    /// for the next visitors.
    func respond(to request: Request, key: String, next: any Responder, missed: Int64?, versions: IndicatorCache) async throws -> Response {
        let version: Int64
        if let missed {
            version = missed
        } else {
            // No version (database unreachable, not migrated): no cache; the route says what is wrong.
            guard let current = try? await versions.currentVersion(on: request.db) else {
                return try await next.respond(to: request).get()
            }
            if let entry = entry(key, version: current) { return Self.response(entry, for: request, id: nil) }
            version = current
        }

        let response = try await next.respond(to: request).get()
        guard request.principal == nil, response.status == .ok,
            let body = response.body.buffer, body.readableBytes <= Self.largestBody,
            !response.headers.contains(name: .setCookie), let tag = response.headers.first(name: .eTag),
            request.isAPI || !body.contains(request.csrfToken)
        else { return response }
        let compressed = (response.headers.contentType.map(Gzip.isCompressible) ?? false) && body.readableBytes >= Self.smallestGzip
        keep(
            Entry(
                version: version, route: request.route, headers: response.headers, body: body,
                gzip: compressed ? Gzip.compress(body) : nil, entityTag: tag),
            as: key)
        return response
    }

    /// A kept answer, with the request's id when given (else `FrontMiddleware` adds it): 304 when
    /// the visitor has it, else compressed as the visitor prefers of the forms kept.
    static func response(_ entry: Entry, for request: Request, id: String?) -> Response {
        request.route = entry.route  // for the metrics
        if ConditionalGETMiddleware.matches(request.headers[.ifNoneMatch], entry.entityTag) {
            var headers = HTTPHeaders()
            for name in ConditionalGETMiddleware.revalidationHeaders {
                for value in entry.headers[name] { headers.add(name: name, value: value) }
            }
            if let id { headers.add(name: RequestLog.header, value: id) }
            return Response(status: .notModified, headers: headers)
        }
        var (headers, body) = (entry.plainHeaders, entry.body)
        switch AcceptEncoding(request.headers).preferred(gzip: entry.gzip != nil, brotli: entry.brotli != nil) {
        case .brotli: if let brotli = entry.brotli { (headers, body) = (entry.brotliHeaders, brotli) }
        case .gzip: if let gzip = entry.gzip { (headers, body) = (entry.gzipHeaders, gzip) }
        case .identity: break
        }
        if let id { headers.add(name: RequestLog.header, value: id) }
        return Response(status: .ok, version: .http1_1, headersNoUpdate: headers, body: .init(buffer: body))
    }
}

extension Application {
    private struct PageCacheKey: StorageKey { typealias Value = PageCache }

    /// Set by `configure`.
    var pageCache: PageCache {
        get { storage[PageCacheKey.self]! }
        set { storage[PageCacheKey.self] = newValue }
    }
}
