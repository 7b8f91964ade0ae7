import Foundation
import SnapshotTesting
import TIPersistence
import Testing

@testable import TIWeb

/// Each page rendered from its `Model.mock`, compared with the HTML committed under
/// `__Snapshots__/` (one element per line, so a change reads as a diff). A deliberate change is
/// recorded with `SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests`, then reviewed.
@Suite("Pages from their mocks")
struct PageSnapshotTests {
    @Test func envelopes() {
        assertSnapshot(of: EnvelopesPage(model: .mock).render(), as: .html)
    }

    @Test func envelope() {
        assertSnapshot(of: EnvelopePage(model: .mock).render(), as: .html)
    }

    @Test func fundIndex() {
        assertSnapshot(of: FundIndexPage.mock.render(), as: .html)
    }

    @Test func callForAnApplicant() {
        assertSnapshot(of: CallPage.mock.render(), as: .html)
    }

    @Test func workQueue() {
        assertSnapshot(of: QueuePage(model: .mock).render(), as: .html)
    }

    /// Just created (its secret shown once), active, expired, revoked.
    @Test func apiTokens() {
        func token(_ n: Int, _ name: String, expires: Double, revoked: Double? = nil) -> APITokenSummary {
            APITokenSummary(
                id: UUID(uuidString: "00000000-0000-0000-0000-00000000000\(n)")!, name: name, prefix: "ti_ab12c\(n)",
                createdEpoch: 1_615_800_000, expiresEpoch: expires, lastUsedEpoch: n == 1 ? 1_615_900_000 : nil, revokedEpoch: revoked)
        }
        let page = TokensPage(
            tokens: [
                token(1, "Tableau de bord <régional>", expires: 1_700_000_000), token(2, "Ancien script", expires: 1_600_000_000),
                token(3, "Export", expires: 1_700_000_000, revoked: 1_616_000_000),
            ],
            created: ("Tableau de bord <régional>", "ti_ab12c1-secret-shown-once"), now: 1_616_100_000)
        assertSnapshot(of: page.render(), as: .html)
    }

    @Test func signInWithAnError() {
        assertSnapshot(
            of: SignInPage(email: "porteur@exemple.fr", back: "/dossiers", error: "Adresse ou mot de passe incorrect.").render(), as: .html)
    }

    @Test func forgotPasswordSent() {
        assertSnapshot(of: ForgotPasswordPage(sent: true).render(), as: .html)
    }

    @Test func resetPasswordExpired() {
        assertSnapshot(of: ResetPasswordPage(token: "expire", valid: false).render(), as: .html)
    }

    @Test func committeeConfirmation() {
        let page = CommitteeConfirmPage(
            regionCode: "94", regionName: "Corse",
            decisions: [
                .init(
                    id: "00000000-0000-0000-0000-0000000000a1", reference: "FA-2021-94-00001", carrier: "Ateliers d’Ajaccio",
                    favourable: true, motivation: "Projet structurant pour le territoire."),
                .init(
                    id: "00000000-0000-0000-0000-0000000000a2", reference: "FA-2021-94-00002", carrier: "Scierie <du> « Niolu »",
                    favourable: false, motivation: "Plan de financement incomplet."),
            ])
        assertSnapshot(of: page.render(), as: .html)
    }
}

extension Snapshotting where Value == String, Format == String {
    /// HTML with one tag per line.
    static var html: Snapshotting {
        Snapshotting(pathExtension: "html", diffing: .lines).pullback { (html: String) in
            html.replacingOccurrences(of: "><", with: ">\n<")
        }
    }
}
