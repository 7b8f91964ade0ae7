import Foundation

/// What a webhook subscription may ask for: an application's change of state, a decision, a
/// payment (or recovery). The raw value is what the API, the payload and `TI-Event` carry.
public enum WebhookEvent: String, CaseIterable, Sendable, Codable {
    case state = "dossier.etat"
    case decision = "dossier.decision"
    case payment = "dossier.paiement"
}

/// The rules of webhooks that need no database: which endpoints are accepted and when a failed
/// delivery is tried again.
public enum WebhookRules {
    /// Subscriptions per account, so that one token cannot make the server send without bound.
    public static let maxSubscriptions = 20
    public static let maxURLLength = 2_000

    /// Checks an endpoint: HTTPS, a host, no credentials in the address. Plain HTTP is accepted
    /// only towards the loopback interface, and only when `allowHTTPLoopback` (tests, local
    /// development). Loopback, private and link-local addresses are refused over HTTPS too.
    public static func validateEndpoint(_ text: String, allowHTTPLoopback: Bool) throws(DomainError) -> String {
        let url = text.trimmingCharacters(in: .whitespaces)
        guard url.count <= maxURLLength else {
            throw DomainError("url_invalide", "L’adresse du point de réception dépasse \(maxURLLength) caractères.")
        }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }),
            let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else {
            throw DomainError("url_invalide", "L’adresse du point de réception n’est pas une URL valide (https://…).")
        }
        guard components.user == nil, components.password == nil else {
            throw DomainError("url_invalide", "L’adresse du point de réception ne doit pas contenir d’identifiants.")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw DomainError("url_invalide", "Le port du point de réception doit être compris entre 1 et 65535.")
        }
        let loopback = isLoopback(host)
        switch scheme {
        case "https":
            guard !loopback || allowHTTPLoopback, !isPrivate(host) else {
                throw DomainError("url_invalide", "Le point de réception doit être une adresse publique sur Internet.")
            }
        case "http" where loopback && allowHTTPLoopback:
            break
        default:
            throw DomainError("url_non_https", "Le point de réception doit être en HTTPS (adresse commençant par https://).")
        }
        return url
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
    }

    /// IP literals of private, link-local, unspecified or IPv6 networks (a name is not resolved
    /// here). A numeric host in any other form than four decimal bytes (`2130706433`, `127.1`,
    /// `0x7f.0.0.1`, `010.0.0.1`, which resolvers read as addresses) counts as private.
    static func isPrivate(_ host: String) -> Bool {
        if host.hasPrefix("[") { return true }  // IPv6 literals: not accepted
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard let last = labels.last, !last.isEmpty, last.allSatisfy(\.isNumber) || last.lowercased().hasPrefix("0x") else { return false }
        let canonical =
            labels.count == 4 && labels.allSatisfy { $0.count <= 3 && $0.allSatisfy(\.isASCII) && ($0 == "0" || !$0.hasPrefix("0")) }
        let parts = labels.map { Int($0) }
        guard canonical, parts.allSatisfy({ $0 != nil && (0...255).contains($0!) }) else { return true }
        let (a, b) = (parts[0]!, parts[1]!)
        return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
            || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
    }
}

/// When a failed delivery is tried again: `base` × 2^(attempts − 1), at most `cap`, and never
/// later than `horizon` after the first attempt, when the delivery is given up.
public struct WebhookBackoff: Sendable, Equatable {
    public var base: Double
    public var cap: Double
    public var horizon: Double

    /// 30 s, 1 min, 2 min … capped at one hour, for 24 hours.
    public static let standard = WebhookBackoff(base: 30, cap: 3_600, horizon: 86_400)

    public init(base: Double, cap: Double, horizon: Double) {
        self.base = base
        self.cap = cap
        self.horizon = horizon
    }

    /// The delay after the `attempts`-th failed attempt (1 for the first).
    public func delay(afterAttempt attempts: Int) -> Double {
        let exponent = min(max(attempts - 1, 0), 40)
        return min(base * pow(2, Double(exponent)), cap)
    }

    /// The next attempt's epoch, or `nil` when it would fall beyond the horizon: give up.
    public func nextAttempt(afterAttempt attempts: Int, now: Double, firstAttempt: Double) -> Double? {
        let next = now + delay(afterAttempt: attempts)
        return next <= firstAttempt + horizon ? next : nil
    }
}
