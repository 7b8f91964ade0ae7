import Fluent
import TIDomain
import TIPersistence
import Vapor

/// Failed sign-ins per account and per address, in the database (shared by all server processes).
struct LoginThrottleStore {
    let database: any Database
    let rules: LoginThrottle

    static func accountKey(_ email: String) -> String { "account:" + Secret.hash(email) }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// The most restrictive verdict of the given keys.
    func verdict(keys: [(String, Int)], now: Double) async throws -> LoginThrottle.Verdict {
        var delay = 0.0
        var remaining = Int.max
        for (key, limit) in keys {
            let attempt = try await current(key, now: now)
            switch rules.verdict(failures: attempt?.failures ?? 0, lockedUntil: attempt?.lockedUntilEpoch, now: now, limit: limit) {
            case .locked(let seconds): return .locked(secondsLeft: seconds)
            case .allowed(let d, let r): delay = max(delay, d); remaining = min(remaining, r)
            }
        }
        return .allowed(delay: delay, remaining: remaining)
    }

    func recordFailure(keys: [(String, Int)], now: Double) async throws {
        for (key, limit) in keys {
            let attempt = try await current(key, now: now) ?? LoginAttempt(key: key, now: now)
            attempt.failures += 1
            if let lock = rules.lockAfterFailure(failuresIncludingThis: attempt.failures, now: now, limit: limit) {
                attempt.lockedUntilEpoch = lock
            }
            try await attempt.save(on: database)
        }
    }

    func clear(_ key: String) async throws {
        try await LoginAttempt.query(on: database).filter(\.$id == key).delete()
    }

    /// The record for a key within the current window (an old window starts afresh).
    private func current(_ key: String, now: Double) async throws -> LoginAttempt? {
        guard let attempt = try await LoginAttempt.find(key, on: database) else { return nil }
        let locked = (attempt.lockedUntilEpoch ?? 0) > now
        if !locked, now - attempt.windowStartEpoch > rules.window {
            attempt.failures = 0
            attempt.windowStartEpoch = now
            attempt.lockedUntilEpoch = nil
        }
        return attempt
    }
}
