import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `/api/v1/webhooks…`: the token holder's subscriptions, their delivery log and manual
/// redelivery. Another account's subscription answers 404.
struct WebhookAPIController {
    struct SubscriptionDTO: Content {
        var id: UUID
        var url: String
        var events: [String]
        var active: Bool
        var createdAt: String
        /// Only in the answer to the creation: the secret is shown once.
        var secret: String?

        init(_ s: WebhookService.Subscription, secret: String? = nil) {
            id = s.id
            url = s.url
            events = s.events.map(\.rawValue)
            active = s.active
            createdAt = WebhookAPIController.iso(s.createdEpoch)
            self.secret = secret
        }
    }

    struct DeliveryDTO: Content {
        var id: UUID
        var event: String
        var applicationId: UUID
        var sequence: Int64
        var status: String
        var attempts: Int
        var nextAttemptAt: String?
        var lastStatus: Int?
        var lastError: String?
        var deliveredAt: String?
        var createdAt: String

        init(_ d: WebhookService.Delivery) {
            id = d.id
            event = d.event
            applicationId = d.applicationID
            sequence = d.sequence
            status = d.status.rawValue
            attempts = d.attempts
            nextAttemptAt = d.nextAttemptEpoch.map(WebhookAPIController.iso)
            lastStatus = d.lastStatus
            lastError = d.lastError
            deliveredAt = d.deliveredEpoch.map(WebhookAPIController.iso)
            createdAt = WebhookAPIController.iso(d.createdEpoch)
        }
    }

    struct CreateBody: Content {
        var url: String?
        var events: [String]?
    }

    struct RedeliveryDTO: Content {
        var id: UUID
        var status: String
    }

    static func iso(_ epoch: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: epoch))
    }

    func userID(_ req: Request) throws -> UUID {
        guard let id = UUID(uuidString: try req.requirePrincipal().userID) else {
            throw AppError(.unauthorized, code: "authentification_requise", "Connectez-vous pour continuer.")
        }
        return id
    }

    func uuid(_ req: Request, _ name: String) throws -> UUID {
        guard let id = req.parameters.get(name, as: UUID.self) else {
            throw AppError.badRequest("\(name)_invalide", "Identifiant mal formé (UUID attendu).")
        }
        return id
    }

    /// `POST /api/v1/webhooks`: 201 with the secret, shown this once.
    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(CreateBody.self)
        guard let url = body.url, let events = body.events else {
            throw AppError.badRequest("requete_invalide", "Indiquez « url » (https://…) et « events » (liste d’événements).")
        }
        let (subscription, secret) = try await WebhookService.create(
            userID: try userID(req), url: url, events: events, allowHTTPLoopback: req.application.config.webhookAllowHTTPLoopback,
            actor: req.auditActor, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(SubscriptionDTO(subscription, secret: secret), as: .json)
        response.headers.replaceOrAdd(name: .location, value: APIURL.webhook(subscription.id).path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")  // the secret is shown once: never cached
        return response
    }

    func list(req: Request) async throws -> GeoAPIController.ListDTO<SubscriptionDTO> {
        let items = try await WebhookService.list(userID: try userID(req), on: req.db).map { SubscriptionDTO($0) }
        return .init(count: items.count, items: items)
    }

    /// `DELETE /api/v1/webhooks/{id}`: 204; the subscription and its log are gone.
    func delete(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        guard try await WebhookService.delete(id, userID: try userID(req), actor: req.auditActor, on: req.db) else {
            throw AppError.notFound("Cet abonnement n’existe pas.")
        }
        return Response(status: .noContent)
    }

    struct PageQuery: Content {
        var page: Int?
    }

    func deliveries(req: Request) async throws -> APIPage<DeliveryDTO> {
        let id = try uuid(req, "id")
        let pagination = try Pagination(page: try req.query.decode(PageQuery.self).page, size: 100)
        guard let (total, items) = try await WebhookService.deliveries(of: id, userID: try userID(req), range: pagination.range, on: req.db)
        else { throw AppError.notFound("Cet abonnement n’existe pas.") }
        return APIPage(req, pagination, count: total, items: items.map(DeliveryDTO.init))
    }

    /// `POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver`: 202, sent again soon with the same id.
    func redeliver(req: Request) async throws -> Response {
        let id = try uuid(req, "id")
        let delivery = try uuid(req, "delivery")
        guard try await WebhookService.redeliver(delivery, subscription: id, userID: try userID(req), actor: req.auditActor, on: req.db)
        else { throw AppError.notFound("Cette livraison n’existe pas.") }
        let response = Response(status: .accepted)
        try response.content.encode(RedeliveryDTO(id: delivery, status: "pending"), as: .json)
        return response
    }
}
