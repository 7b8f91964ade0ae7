import TIDomain
import TIPersistence
import Vapor

/// `/admin/cofinancements`: the SCDL « subventions » import of other funders' grants.
struct CofundingController {
    static let shown = 200

    func index(req: Request) async throws -> Response {
        try await render(req)
    }

    func importFile(req: Request) async throws -> Response {
        do {
            let text = try req.uploadedCSV().get()
            let s = try await GrantImport.importFile(text, by: req.auditActor, on: req.db)
            return try await render(
                req,
                notice:
                    "\(Components.plural(s.created, "cofinancement ajouté", "cofinancements ajoutés")), \(Components.plural(s.updated, "modifié", "modifiés")), \(Components.plural(s.unchanged, "inchangé", "inchangés"))."
            )
        } catch let rejected as ImportRejected {
            return try await render(req, issues: rejected.issues, status: .badRequest)
        }
    }

    func render(_ req: Request, issues: [ImportIssue] = [], notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let (rows, total) = try await GrantImport.latest(limit: Self.shown, on: req.db)
        return HTMLResponse.make(CofundingsPage(rows: rows, total: total, importIssues: issues, notice: notice).render(), status: status)
    }
}
