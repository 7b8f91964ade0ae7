import TIDomain
import TIPersistence
import Vapor

struct EnvelopeController {
    func index(req: Request) async throws -> Response {
        let model = try await EnvelopesPage.Model.query(for: try req.requirePrincipal(), on: req.db)
        return HTMLResponse.make(EnvelopesPage(model: model).render())
    }

    func show(req: Request) async throws -> Response {
        HTMLResponse.make(EnvelopePage(model: try await load(req)).render())
    }

    struct AmountForm: Content { var montant: String? }

    func increase(req: Request) async throws -> Response {
        let envelope = try await load(req).envelope
        let raw = try req.content.decode(AmountForm.self).montant ?? ""
        let amount: EuroCents
        do { amount = try EuroCents(parsingEuros: raw) } catch { throw AppError.invalid(error) }
        try await EnvelopeLedger.setAmount(envelope.id, to: amount, actor: req.auditActor, on: req.db)
        return req.redirect(to: SiteURL.envelope(envelope.id).path, redirectType: .normal)
    }

    func load(_ req: Request) async throws -> EnvelopePage.Model {
        guard let id = req.parameters.get("id", as: UUID.self),
            let model = try await EnvelopePage.Model.query(id, for: try req.requirePrincipal(), on: req.db)
        else {
            throw AppError.notFound("Cette enveloppe n’existe pas ou ne relève pas de votre périmètre.")
        }
        return model
    }
}
