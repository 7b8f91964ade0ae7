import Foundation
import NIOConcurrencyHelpers
import NIOCore
import TIDomain
import TIPersistence
import Vapor

/// Sends due webhook deliveries: claims each one (`WebhookQueue.claim`, safe with several
/// servers), POSTs its JSON body signed (`TI-Signature`) with its id (`TI-Delivery`) and event
/// (`TI-Event`), and records the answer: 2xx delivered, anything else tried again with
/// exponential backoff for 24 hours. Redirects are not followed (a 3xx is a failure).
struct WebhookDispatcher: Sendable {
    let app: Application
    var backoff: WebhookBackoff
    var timeout: TimeAmount = .seconds(10)
    /// How long a claimed delivery is hidden from the other servers while it is being sent.
    var lease: Double = 60
    /// Deliveries sent at the same time, so that a slow endpoint does not hold up the others.
    var concurrency = 8

    init(app: Application) {
        self.app = app
        self.backoff = app.config.webhookBackoff
    }

    /// Sends what is due now; again while a pass sent something (a delivery can release the next
    /// one of its application), at most `passes` times. Returns how many were attempted.
    @discardableResult
    func runDue(limit: Int = 50, passes: Int = 20) async -> Int {
        var attempted = 0
        for _ in 0..<passes {
            let sent = await runPass(limit: limit)
            attempted += sent
            if sent == 0 { break }
        }
        return attempted
    }

    func runPass(limit: Int) async -> Int {
        let due: [WebhookQueue.Due]
        do { due = try await WebhookQueue.due(now: app.clock.now.timeIntervalSince1970, limit: limit, on: app.db) } catch {
            app.logger.error("webhooks: lecture des livraisons impossible : \(error)")
            return 0
        }
        // The chain of an application only ever has its head here, so deliveries can go in parallel.
        return await withTaskGroup(of: Int.self) { group in
            var attempted = 0
            var running = 0
            for delivery in due {
                if running == concurrency, let done = await group.next() {
                    attempted += done
                    running -= 1
                }
                group.addTask { await attempt(delivery) }
                running += 1
            }
            for await done in group { attempted += done }
            return attempted
        }
    }

    /// Claims and sends one delivery: 1 if it was attempted, 0 if another server has it (or the
    /// database failed: the delivery is tried again once its claim expires).
    func attempt(_ delivery: WebhookQueue.Due) async -> Int {
        do {
            guard try await WebhookQueue.claim(delivery, now: app.clock.now.timeIntervalSince1970, lease: lease, on: app.db) else {
                return 0
            }
            try await send(delivery)
            return 1
        } catch {
            app.logger.error("webhooks: livraison \(delivery.id) : \(error)")
            return 0
        }
    }

    func send(_ delivery: WebhookQueue.Due) async throws {
        let timestamp = Int64(app.clock.now.timeIntervalSince1970)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(
            name: "TI-Signature", value: WebhookSignature.header(secret: delivery.secret, timestamp: timestamp, body: delivery.payload))
        headers.add(name: "TI-Delivery", value: delivery.id.uuidString)
        headers.add(name: "TI-Event", value: delivery.event)
        headers.add(name: .userAgent, value: "ti-webhooks/1")
        var request = ClientRequest(
            method: .POST, url: URI(string: delivery.url), headers: headers, body: ByteBuffer(string: delivery.payload))
        request.timeout = timeout
        let status: Int?
        let problem: String
        do {
            let response = try await app.client.send(request)
            status = Int(response.status.code)
            problem = "Réponse HTTP \(response.status.code)"
        } catch {
            status = nil
            problem = "Échec de la connexion : \(String(describing: error).prefix(200))"
        }
        let now = app.clock.now.timeIntervalSince1970
        if let status, (200..<300).contains(status) {
            try await WebhookQueue.delivered(delivery.id, status: status, now: now, on: app.db)
        } else {
            try await WebhookQueue.failed(delivery, status: status, error: problem, now: now, backoff: backoff, on: app.db)
        }
    }
}
