import TIDomain
import Vapor

/// Fixed one-minute windows per API token.
actor RateLimiter {
    let limit: Int
    private var windows: [String: (start: Double, count: Int)] = [:]

    init(limit: Int) { self.limit = limit }

    /// nil if allowed; otherwise seconds until the window resets.
    func hit(_ key: String, now: Double) -> Int? {
        var window = windows[key] ?? (now, 0)
        if now - window.start >= 60 { window = (now, 0) }
        window.count += 1
        windows[key] = window
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < 60 } }
        return window.count > limit ? max(1, Int((window.start + 60 - now).rounded(.up))) : nil
    }
}

extension Request {
    /// Served over HTTPS, directly or behind a proxy that says so.
    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
