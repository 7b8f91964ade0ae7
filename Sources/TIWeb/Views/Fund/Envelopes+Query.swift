import FluentKit
import Foundation
import TIDomain
import TIPersistence

extension EnvelopesPage.Model {
    static func query(for principal: Principal, on db: any Database) async throws -> Self {
        Self(envelopes: try await EnvelopeQueries.visible(to: principal, on: db), canEdit: FundAccess.managesEnvelopes(principal))
    }
}

extension EnvelopePage.Model {
    /// Nil when the envelope does not exist or is outside the person's régions.
    static func query(_ id: UUID, for principal: Principal, on db: any Database) async throws -> Self? {
        guard let envelope = try await EnvelopeQueries.find(id, visibleTo: principal, on: db) else { return nil }
        return Self(
            envelope: envelope, movements: try await EnvelopeQueries.movements(of: id, on: db),
            canEdit: FundAccess.managesEnvelopes(principal))
    }
}
