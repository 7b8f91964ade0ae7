import Fluent
import FluentSQL
import TIDomain
import TIPersistence
import Vapor

/// Counters of attempts per key, in the database (shared by all server processes): failed
/// sign-ins per account and per address, password-reset requests per account and per address.
///
/// An attempt is counted **before** the password is checked, by one atomic upsert, so parallel
/// attempts queue on the counter: with a limit of 5, at most 5 passwords are ever checked per
/// window, however many requests arrive at once. A successful sign-in gives its count back.
struct LoginThrottleStore {
    let database: any Database
    let rules: LoginThrottle

    static func accountKey(_ email: String) -> String { "account:" + Secret.hash(email) }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// One counted attempt: its number in the current window, and the lock's end if the key is locked.
    struct Reservation {
        var attempt: Int
        var lockedUntil: Double?
    }

    /// Counts an attempt for `key` atomically and returns its number in the window. A window
    /// older than `window` seconds starts afresh, unless the key is locked.
    func reserve(_ key: String, now: Double, window: Double? = nil) async throws -> Reservation {
        let window = window ?? rules.window
        let sql = database as! any SQLDatabase
        let row = try await sql.raw(
            """
            INSERT INTO login_attempts ("key", failures, window_start_epoch, locked_until_epoch)
            VALUES (\(bind: key), 1, \(bind: now), NULL)
            ON CONFLICT ("key") DO UPDATE SET
              failures = CASE
                WHEN login_attempts.locked_until_epoch > \(bind: now) THEN login_attempts.failures + 1
                WHEN login_attempts.window_start_epoch + \(bind: window) < \(bind: now) THEN 1
                ELSE login_attempts.failures + 1 END,
              window_start_epoch = CASE
                WHEN login_attempts.locked_until_epoch > \(bind: now) THEN login_attempts.window_start_epoch
                WHEN login_attempts.window_start_epoch + \(bind: window) < \(bind: now) THEN \(bind: now)
                ELSE login_attempts.window_start_epoch END,
              locked_until_epoch = CASE
                WHEN login_attempts.locked_until_epoch > \(bind: now) THEN login_attempts.locked_until_epoch
                ELSE NULL END
            RETURNING failures, locked_until_epoch
            """
        ).first()
        guard let row else { throw AppError(.internalServerError, code: "compteur", "Compteur de tentatives indisponible.") }
        return Reservation(
            attempt: try row.decode(column: "failures", as: Int.self),
            lockedUntil: try row.decode(column: "locked_until_epoch", as: Double?.self))
    }

    /// Locks `key` until `until`.
    func lock(_ key: String, until: Double) async throws {
        try await LoginAttempt.query(on: database).filter(\.$id == key).set(\.$lockedUntilEpoch, to: until).update()
    }

    /// Reserves an attempt on every key (account, address) and says whether the password may be
    /// checked. A key over its limit is locked at once.
    func admit(keys: [(String, Int)], now: Double) async throws -> LoginThrottle.Verdict {
        var delay = 0.0
        var remaining = Int.max
        for (key, limit) in keys {
            let reservation = try await reserve(key, now: now)
            if let until = reservation.lockedUntil, until > now {
                return .locked(secondsLeft: Int((until - now).rounded(.up)))
            }
            if reservation.attempt > limit {
                try await lock(key, until: now + rules.lockDuration)
                return .locked(secondsLeft: Int(rules.lockDuration))
            }
            // The delay grows with the failures before this attempt.
            if case .allowed(let d, _) = rules.verdict(failures: reservation.attempt - 1, lockedUntil: nil, now: now, limit: limit) {
                delay = max(delay, d)
            }
            remaining = min(remaining, limit - reservation.attempt)
        }
        return .allowed(delay: delay, remaining: remaining)
    }

    /// After a failed check: locks the keys whose attempt reached their limit.
    func failed(keys: [(String, Int)], now: Double) async throws {
        for (key, limit) in keys {
            guard let attempt = try await LoginAttempt.find(key, on: database) else { continue }
            if let until = rules.lockAfterFailure(failuresIncludingThis: attempt.failures, now: now, limit: limit),
                (attempt.lockedUntilEpoch ?? 0) <= now
            {
                try await lock(key, until: until)
            }
        }
    }

    /// After a successful sign-in: the account starts afresh, and the address gets its attempt back.
    func succeeded(account: String, address: String) async throws {
        try await clear(account)
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE login_attempts SET failures = failures - 1 WHERE "key" = \(bind: address) AND failures > 0
            """
        ).run()
    }

    func clear(_ key: String) async throws {
        try await LoginAttempt.query(on: database).filter(\.$id == key).delete()
    }
}
