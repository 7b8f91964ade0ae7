import TIDomain
import TIPersistence
import Vapor

/// The fund's public side (calls) and the applicant's entry point.
struct FundController {
    func index(req: Request) async throws -> Response {
        let calls = try await CallQueries.summaries(on: req.db)
        let totals = try await CallQueries.totals(on: req.db)
        return HTMLResponse.make(FundIndexPage(calls: calls, totals: totals, today: req.clock.today, role: req.principal?.role).render())
    }

    func call(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let call = try await CallQueries.summary(id, on: req.db) else {
            throw AppError.notFound("Cet appel à projets n’existe pas.")
        }
        let envelopes = try await EnvelopeQueries.ofCall(id, on: req.db)
        return HTMLResponse.make(CallPage(call: call, envelopes: envelopes, today: req.clock.today, role: req.principal?.role).render())
    }

    /// An applicant starts a draft on a call.
    func apply(req: Request) async throws -> Response {
        let call = try await Self.call(req)
        let application = try await FundService.createDraft(call: call, by: try req.fundActor(), on: req.db)
        return req.redirect(to: SiteURL.applicationEdit(try application.requireID()).path, redirectType: .normal)
    }

    static func call(_ req: Request) async throws -> FundCall {
        guard let id = req.parameters.get("id", as: UUID.self), let call = try await CallQueries.find(id, on: req.db) else {
            throw AppError.notFound("Cet appel à projets n’existe pas.")
        }
        return call
    }
}
