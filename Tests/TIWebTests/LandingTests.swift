import Foundation
import TIDomain
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Landing after sign-in")
    struct LandingTests {
        @Test func eachRoleLandsOnItsOwnWork() async throws {
            try await withTestApp(territories: true) { app in
                let expected: [Role: String] = [
                    .applicant: "/dossiers", .reviewer: "/instruction", .region: "/comites/94", .prefecture: "/comites/94",
                    .territory: "/territoires/TI-AJACCIO", .admin: "/admin/utilisateurs", .viewer: "/indicateurs",
                ]
                for (role, path) in expected {
                    let user = try await Accounts.make(role, on: app, region: "94")
                    let browser = Browser(app)
                    let response = try await browser.signIn(user.email, Accounts.password)
                    #expect(response.headers.first(name: .location) == path, "\(role)")
                    #expect(try await browser.get(path).status == .ok, "\(role) at \(path)")
                }
            }
        }
    }
}
