import Fluent
import TIDomain
import TIPersistence
import Vapor

struct EnvelopeController {
    func index(req: Request) async throws -> Response {
        let principal = req.principal!
        var query = Envelope.query(on: req.db).with(\.$call).with(\.$region)
        if principal.role != .admin { query = query.filter(\.$region.$id ~~ principal.scope.regions) }
        let envelopes = try await query.all().sorted {
            ($0.call.title, $0.region.name, $0.funder.rawValue) < ($1.call.title, $1.region.name, $1.funder.rawValue)
        }
        return HTMLResponse.make(EnvelopesPage(envelopes: envelopes, canEdit: principal.role == .admin).render())
    }

    func show(req: Request) async throws -> Response {
        let envelope = try await load(req)
        let movements = try await EnvelopeMovement.query(on: req.db).filter(\.$envelope.$id == envelope.id!).sort(\.$atEpoch).all()
        let references = Dictionary(
            uniqueKeysWithValues: try await FundApplication.query(on: req.db)
                .filter(\.$id ~~ movements.compactMap(\.applicationID)).all().map { ($0.id!, $0.reference ?? "—") })
        return HTMLResponse.make(
            EnvelopePage(
                envelope: envelope, movements: movements, references: references,
                canEdit: req.principal?.role == .admin
            ).render())
    }

    struct AmountForm: Content { var montant: String? }

    func increase(req: Request) async throws -> Response {
        let envelope = try await load(req)
        let raw = try req.content.decode(AmountForm.self).montant ?? ""
        let amount: EuroCents
        do { amount = try EuroCents(parsingEuros: raw) } catch { throw AppError.invalid(error) }
        try await EnvelopeLedger.setAmount(envelope.id!, to: amount, actor: req.auditActor, on: req.db)
        return req.redirect(to: SiteURL.envelope(envelope.id!.uuidString).path, redirectType: .normal)
    }

    func load(_ req: Request) async throws -> Envelope {
        guard let id = req.parameters.get("id", as: UUID.self),
            let envelope = try await Envelope.query(on: req.db).filter(\.$id == id).with(\.$call).with(\.$region).first(),
            req.principal?.covers(region: envelope.$region.id) == true
        else {
            throw AppError.notFound("Cette enveloppe n’existe pas ou ne relève pas de votre périmètre.")
        }
        return envelope
    }
}
