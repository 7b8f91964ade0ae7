/// Brute-force protection rules: how many failures before slowing down and locking,
/// per account and per address. Pure arithmetic; the store lives in persistence.
public struct LoginThrottle: Sendable {
    public var window: Double = 15 * 60
    public var lockDuration: Double = 15 * 60
    public var accountLimit = 5
    public var addressLimit = 20
    /// Failures after which each new attempt is delayed (seconds per extra failure).
    public var slowDownAfter = 3
    public var delayPerFailure: Double = 1

    public init() {}

    public enum Verdict: Equatable, Sendable {
        case allowed(delay: Double, remaining: Int)
        case locked(secondsLeft: Int)
    }

    /// Verdict for a key (account or address) given its recent failures and lock.
    public func verdict(failures: Int, lockedUntil: Double?, now: Double, limit: Int) -> Verdict {
        if let lockedUntil, lockedUntil > now { return .locked(secondsLeft: Int((lockedUntil - now).rounded(.up))) }
        let extra = max(0, failures - slowDownAfter + 1)
        return .allowed(delay: Double(extra) * delayPerFailure, remaining: max(0, limit - failures))
    }

    /// When the next failure crosses the limit, the lock's end.
    public func lockAfterFailure(failuresIncludingThis: Int, now: Double, limit: Int) -> Double? {
        failuresIncludingThis >= limit ? now + lockDuration : nil
    }

    public static func lockedMessage(secondsLeft: Int) -> String {
        let minutes = max(1, (secondsLeft + 59) / 60)
        return
            "Trop de tentatives de connexion échouées : l’accès est bloqué pendant encore \(minutes) minute\(minutes > 1 ? "s" : ""). Vous pouvez aussi réinitialiser votre mot de passe."
    }
}
