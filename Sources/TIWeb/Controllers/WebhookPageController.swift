import TIDomain
import TIPersistence
import Vapor

/// `/compte/webhooks`: the account's webhook subscriptions and their delivery log, with manual redelivery.
struct WebhookPageController {
    func show(req: Request) async throws -> Response {
        let userID = try req.requireUser().requireID()
        var entries: [WebhooksPage.Entry] = []
        for subscription in try await WebhookService.list(userID: userID, on: req.db) {
            guard
                let (total, deliveries) = try await WebhookService.deliveries(
                    of: subscription.id, userID: userID, range: 0..<20, on: req.db)
            else { continue }
            entries.append(.init(subscription: subscription, deliveries: deliveries, total: total))
        }
        let notice = req.query[String.self, at: "renvoi"] == "ok" ? "La livraison sera renvoyée dans quelques secondes." : nil
        return HTMLResponse.make(WebhooksPage(entries: entries, notice: notice).render())
    }

    /// `POST /compte/webhooks/{id}/livraisons/{delivery}/renvoyer`: someone else's answers 404.
    func redeliver(req: Request) async throws -> Response {
        let userID = try req.requireUser().requireID()
        guard let id = req.parameters.get("id", as: UUID.self), let delivery = req.parameters.get("delivery", as: UUID.self),
            try await WebhookService.redeliver(delivery, subscription: id, userID: userID, actor: req.auditActor, on: req.db)
        else { throw AppError.notFound("Cette livraison n’existe pas.") }
        return req.redirect(to: SiteURL.accountWebhooks.path + "?renvoi=ok", redirectType: .normal)
    }
}
