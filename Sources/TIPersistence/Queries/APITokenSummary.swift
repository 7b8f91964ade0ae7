import Foundation

/// A personal API token as its owner sees it (never its hash).
public struct APITokenSummary: Sendable, Equatable {
    public var id: UUID
    public var name: String
    /// The first characters of the secret, to recognise it.
    public var prefix: String
    public var createdEpoch: Double?
    public var expiresEpoch: Double
    public var lastUsedEpoch: Double?
    public var revokedEpoch: Double?

    public init(
        id: UUID, name: String, prefix: String, createdEpoch: Double?, expiresEpoch: Double, lastUsedEpoch: Double?, revokedEpoch: Double?
    ) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.createdEpoch = createdEpoch
        self.expiresEpoch = expiresEpoch
        self.lastUsedEpoch = lastUsedEpoch
        self.revokedEpoch = revokedEpoch
    }

    public func isUsable(now: Double) -> Bool { revokedEpoch == nil && expiresEpoch > now }
}
