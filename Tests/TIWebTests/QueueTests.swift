import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    @Suite("Work queue")
    struct QueueTests {
        @Test func theQueueShowsFilesToProcessByDefault() async throws {
            try await withTestApp(territories: true) { app in
                let f = try await FundFixture.make(app)
                let open = try await f.application(to: .underReview)
                let decided = try await f.application(to: .laureate)
                let reviewer = Browser(app)
                try await reviewer.signIn(f.users[.reviewer]!.email, Accounts.password)
                let page = try await reviewer.get("/instruction")
                #expect(page.text.contains(open.reference!))
                #expect(!page.text.contains(decided.reference!))
                // The form as it first appears sends etat= (empty): the same list.
                #expect(try await reviewer.get("/instruction?appel=&region=&etat=&q=").text.contains(open.reference!))
                let all = try await reviewer.get("/instruction?etat=tous")
                #expect(all.text.contains(open.reference!) && all.text.contains(decided.reference!))
                // The API lists every state unless asked.
                let token = try await APITokens.create(for: f.users[.reviewer]!, on: app)
                let api = Browser(app)
                api.bearer = token
                #expect(try await api.get("/api/v1/applications").text.contains(decided.reference!))
            }
        }
    }
}
