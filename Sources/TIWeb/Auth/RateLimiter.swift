import Fluent
import TIDomain
import TIPersistence
import Vapor

/// One-minute windows per API token, counted in the database (`APITokens.countRequest`), so that
/// the limit holds across every app server.
struct RateLimiter: Sendable {
    let limit: Int

    /// nil if allowed; otherwise seconds until the window resets.
    func hit(token: UUID, now: Double, on db: any Database) async throws -> Int? {
        let (hits, start) = try await APITokens.countRequest(token: token, now: now, on: db)
        return hits > limit ? max(1, Int((start + 60 - now).rounded(.up))) : nil
    }
}

extension Request {
    /// Whether the request came through one of the trusted reverse proxies (`TI_TRUSTED_PROXIES`).
    var isFromTrustedProxy: Bool {
        guard let address = remoteAddress?.ipAddress else { return false }
        return application.config.trustedProxies.contains(address)
    }

    /// Served over HTTPS, directly or behind a trusted proxy that says so (from anyone else,
    /// `X-Forwarded-Proto` is ignored).
    var isHTTPS: Bool {
        url.scheme == "https" || (headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https" && isFromTrustedProxy)
    }

    /// The client's address: behind a trusted proxy, the right-most address of `X-Forwarded-For`
    /// that is not itself a trusted proxy (the left-most entries are the client's to invent);
    /// otherwise the peer's address.
    var clientAddress: String {
        Self.clientAddress(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor], trusted: application.config.trustedProxies)
    }

    static func clientAddress(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String {
        guard let peer else { return "inconnue" }
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.reversed().first { !$0.isEmpty && !trusted.contains($0) } ?? peer
    }
}
