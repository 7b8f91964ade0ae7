import Vapor

/// Each request's id — the caller's `X-Request-Id` when it is a sensible token (from the reverse
/// proxy, say), else a new one —, in every log line of the request and in the response's
/// `X-Request-Id`; and the two log lines `FrontMiddleware` writes: the method, the path (secrets
/// redacted, no query string: queries can carry search terms and addresses), the status and the
/// duration. No personal data.
enum RequestLog {
    static let header = "X-Request-Id"
    static let metadataKey = "request-id"

    /// Vapor has already put the header's value, or a UUID it drew when there was none, in the
    /// request's log metadata: kept as it is unless the header's value is not a sensible token.
    static func id(of request: Request) -> String {
        if let given = request.headers.first(name: header) {
            if let id = acceptable(given) { return id }
        } else if case .string(let drawn) = request.logger[metadataKey: metadataKey] {
            return drawn
        }
        let id = UUID().uuidString
        request.logger[metadataKey: metadataKey] = .string(id)
        return id
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
