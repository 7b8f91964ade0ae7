import Testing

@testable import TIDomain

@Suite("Webhook rules: endpoints and backoff")
struct WebhookRuleTests {
    @Test func endpointsAreHTTPSAndPublic() throws {
        #expect(
            try WebhookRules.validateEndpoint(" https://exemple.fr/hook?a=1 ", allowHTTPLoopback: false) == "https://exemple.fr/hook?a=1")
        let refused: [(String, Bool, String)] = [
            ("http://exemple.fr/hook", false, "url_non_https"),
            ("http://exemple.fr/hook", true, "url_non_https"),
            ("http://127.0.0.1:8080/hook", false, "url_non_https"),
            ("ftp://exemple.fr/", false, "url_non_https"),
            ("https://localhost/hook", false, "url_invalide"),
            ("https://192.168.1.10/", false, "url_invalide"),
            ("https://169.254.169.254/latest", false, "url_invalide"),
            ("https://[::1]/", false, "url_invalide"),
            ("https://2130706433/", false, "url_invalide"),
            ("https://127.1/", false, "url_invalide"),
            ("https://0x7f.0.0.1/", false, "url_invalide"),
            ("https://010.0.0.1/", false, "url_invalide"),
            ("https://10.0.0.1/", false, "url_invalide"),
            ("https://a:b@exemple.fr/", false, "url_invalide"),
            ("https:///chemin", false, "url_invalide"),
            ("https://exemple.fr/é", false, "url_invalide"),
            ("https://exemple.fr/" + String(repeating: "a", count: 2_000), false, "url_invalide"),
        ]
        for (url, loopback, code) in refused {
            #expect(throws: DomainError.self, "\(url)") { try WebhookRules.validateEndpoint(url, allowHTTPLoopback: loopback) }
            do { _ = try WebhookRules.validateEndpoint(url, allowHTTPLoopback: loopback) } catch { #expect(error.code == code, "\(url)") }
        }
        #expect(try WebhookRules.validateEndpoint("http://127.0.0.1:8080/hook", allowHTTPLoopback: true) == "http://127.0.0.1:8080/hook")
        #expect(try WebhookRules.validateEndpoint("http://localhost/hook", allowHTTPLoopback: true) == "http://localhost/hook")
        #expect(try WebhookRules.validateEndpoint("https://93.184.215.14/hook", allowHTTPLoopback: false) == "https://93.184.215.14/hook")
        #expect(
            try WebhookRules.validateEndpoint("https://api.exemple2.fr/hook", allowHTTPLoopback: false) == "https://api.exemple2.fr/hook")
    }

    @Test func backoffDoublesUpToAnHourForADay() {
        let backoff = WebhookBackoff.standard
        #expect((1...9).map { backoff.delay(afterAttempt: $0) } == [30, 60, 120, 240, 480, 960, 1_920, 3_600, 3_600])
        #expect(backoff.delay(afterAttempt: 10_000) == 3_600)  // no overflow however many attempts
        #expect(backoff.nextAttempt(afterAttempt: 1, now: 1_000, firstAttempt: 1_000) == 1_030)
        #expect(backoff.nextAttempt(afterAttempt: 30, now: 86_000, firstAttempt: 0) == nil)
        #expect(backoff.nextAttempt(afterAttempt: 30, now: 82_800, firstAttempt: 0) == 86_400)
    }
}
