import Fluent
import NIOConcurrencyHelpers
import Vapor

/// Gives each request an id — the caller's `X-Request-Id` when it is a sensible token (from the
/// reverse proxy, say), else a new one —, puts it in every log line of the request and in the
/// response's `X-Request-Id`, and logs the method, the path (secrets redacted, no query string:
/// queries can carry search terms and addresses), the status and the duration. No personal data.
///
/// Future-based, like the metrics and the kept pages in front of it: an async middleware costs a hop
/// from the event loop to Swift's executor and back, which the cheapest answers notice.
struct RequestLogMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Not `request.id`: Vapor takes it from the header as it comes.
        let id = request.headers.first(name: "X-Request-Id").flatMap(Self.acceptable) ?? Self.newID()
        request.logger[metadataKey: "request-id"] = .string(id)
        let start = ContinuousClock.now
        request.logger.info("\(request.method) \(request.loggablePath)")
        return next.respond(to: request).map { response in
            response.headers.replaceOrAdd(name: "X-Request-Id", value: id)
            request.logger.info(
                "\(request.method) \(request.loggablePath) → \(response.status.code) en \(Self.milliseconds(since: start)) ms")
            return response
        }.flatMapErrorThrowing { error in
            request.logger.info("\(request.method) \(request.loggablePath) → erreur en \(Self.milliseconds(since: start)) ms")
            throw error
        }
    }

    /// This process's random prefix, then a counter: unique, and without a random draw per request.
    static let prefix = String(UInt32.random(in: 0x1000_0000...UInt32.max), radix: 16)
    static let counter = NIOLockedValueBox<UInt64>(0)

    static func newID() -> String {
        let n = counter.withLockedValue { value in
            value += 1
            return value
        }
        return prefix + "-" + String(n, radix: 36)
    }

    /// 1 to 128 characters among letters, digits, `-`, `_`, `.`, `:`; anything else is replaced.
    static func acceptable(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
            value.utf8.allSatisfy({ $0 < 128 && (isalnum(Int32($0)) != 0 || "-_.:".utf8.contains($0)) })
        else { return nil }
        return value
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}

extension Request {
    /// The path with single-use tokens replaced by `…`.
    var loggablePath: String {
        let path = url.path
        return path.hasPrefix(Self.resetPath) ? Self.resetPath + "…" : path
    }

    private static let resetPath = SiteURL.resetPassword("").path
}
