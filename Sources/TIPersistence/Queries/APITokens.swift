import FluentKit
import FluentSQL
import Foundation

/// Personal API tokens: listed, created and revoked by their owner, each change audited.
public enum APITokens {
    /// A person's tokens, newest first.
    public static func of(_ userID: UUID, on db: any Database) async throws -> [APITokenSummary] {
        try await APIToken.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all().compactMap { t in
            t.id.map {
                APITokenSummary(
                    id: $0, name: t.name, prefix: t.prefix, createdEpoch: t.createdAt?.timeIntervalSince1970, expiresEpoch: t.expiresEpoch,
                    lastUsedEpoch: t.lastUsedEpoch, revokedEpoch: t.revokedEpoch)
            }
        }
    }

    /// Records a token whose secret (shown once, never stored) hashes to `tokenHash`.
    public static func create(
        userID: UUID, name: String, tokenHash: String, prefix: String, validityDays: Int, now: Double, actor: AuditLog.Actor,
        on db: any Database
    ) async throws -> APIToken {
        let token = APIToken(userID: userID, name: name, tokenHash: tokenHash, prefix: prefix, expires: now + Double(validityDays) * 86400)
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await token.create(on: db)
            try await AuditLog.record(
                "jeton.creation", by: actor, object: "jeton", id: try token.requireID().uuidString,
                after: ["nom": name, "validite_jours": String(validityDays), "prefixe": prefix], on: db)
        }
        return token
    }

    /// Revokes one of `userID`'s tokens (already revoked: nothing changes). False when the token
    /// does not exist or belongs to someone else: the caller answers 404 either way.
    public static func revoke(_ id: UUID, of userID: UUID, at now: Double, actor: AuditLog.Actor, on db: any Database) async throws -> Bool
    {
        guard let token = try await APIToken.query(on: db).filter(\.$id == id).filter(\.$user.$id == userID).first() else { return false }
        guard token.revokedEpoch == nil else { return true }
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            token.revokedEpoch = now
            try await token.save(on: db)
            try await AuditLog.record(
                "jeton.revocation", by: actor, object: "jeton", id: id.uuidString,
                before: ["etat": "actif"], after: ["etat": "revoque"], on: db)
        }
        return true
    }

    /// Counts one request of a token in its one-minute window (which starts at its first request
    /// and restarts a minute later), in one statement, so that concurrent servers count the same
    /// window. Returns the requests in the window, this one included, and when the window started.
    public static func countRequest(token: UUID, now: Double, on db: any Database) async throws -> (hits: Int, windowStart: Double) {
        let row = try await (db as! any SQLDatabase).raw(
            """
            INSERT INTO api_rate_windows (token_id, window_start_epoch, hits) VALUES (\(bind: token), \(bind: now), 1)
            ON CONFLICT (token_id) DO UPDATE SET
              hits = CASE WHEN api_rate_windows.window_start_epoch <= \(bind: now - 60) THEN 1 ELSE api_rate_windows.hits + 1 END,
              window_start_epoch = CASE WHEN api_rate_windows.window_start_epoch <= \(bind: now - 60) THEN \(bind: now)
                ELSE api_rate_windows.window_start_epoch END
            RETURNING hits, window_start_epoch
            """
        ).first()
        guard let row else { return (1, now) }
        return (try row.decode(column: "hits", as: Int.self), try row.decode(column: "window_start_epoch", as: Double.self))
    }
}
