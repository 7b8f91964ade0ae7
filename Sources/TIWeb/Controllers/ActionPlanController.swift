import TIDomain
import TIPersistence
import Vapor

/// The territories' action plans: a plan and its CSV, the action form, an action and its review,
/// the national list. Who sees and writes what is `ActionAccess`'s; outside it, 404.
struct ActionPlanController {
    /// The territory of the path, with its name and régions.
    func territory(_ req: Request) async throws -> GeoQueries.TerritorySummary {
        let raw = try req.parameters.require("id")
        guard let id = TerritoryID(raw), let summary = try await req.territorySummaries().first(where: { $0.id == id }) else {
            throw AppError.notFound("Le territoire d’industrie « \(raw) » n’existe pas.")
        }
        return summary
    }

    func plan(req: Request) async throws -> Response {
        try await renderPlan(req, territory: try await territory(req))
    }

    func renderPlan(
        _ req: Request, territory t: GeoQueries.TerritorySummary, notice: String? = nil, issues: [ImportIssue] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let seesAll = ActionAccess.seesAll(req.principal, territory: t.id, regions: t.regions)
        let filter = try req.query.decode(ActionPlanFilter.self)
        let today = req.clock.today
        let past = try filter.date().flatMap { $0 < today ? $0 : nil }
        let plan =
            if let past {
                try await ActionQueries.asOf(past, territories: [t.id.rawValue], validatedOnly: !seesAll, on: req.db)
            } else {
                try await ActionQueries.plan(t.id, all: seesAll, on: req.db)
            }
        let model = ActionPlanPage.Model(
            territoryID: t.id, territoryName: t.name, actions: plan.filter { filter.keeps($0.content) }, filter: filter,
            mayEdit: ActionAccess.mayEdit(req.principal, territory: t.id), seesAll: seesAll, asOf: past, today: today, notice: notice,
            importIssues: issues)
        return HTMLResponse.make(ActionPlanPage(model: model).render(), status: status)
    }

    func planCSV(req: Request) async throws -> Response {
        let t = try await territory(req)
        let seesAll = ActionAccess.seesAll(req.principal, territory: t.id, regions: t.regions)
        let actions = try await ActionQueries.plan(t.id, all: seesAll, on: req.db)
        return Download.file(
            ActionPlanCSV.export(actions.map { $0.visibleContent(seesAll: seesAll) }), type: Download.csv, name: "plan-\(t.id.rawValue).csv"
        )
    }

    /// The CSV import: all or nothing; a refused file is listed line by line on the plan.
    func importPlan(req: Request) async throws -> Response {
        let t = try await territory(req)
        guard ActionAccess.mayEdit(req.principal, territory: t.id) else {
            throw AppError.notFound("Ce plan ne relève pas de votre territoire.")
        }
        do {
            let text = try req.uploadedCSV().get()
            let s = try await ActionService.importPlan(
                text, territory: t.id, by: req.auditActor, principal: try req.requirePrincipal(), today: req.clock.today, on: req.db)
            return try await renderPlan(
                req, territory: t,
                notice:
                    "Plan importé : \(Components.plural(s.created, "action créée", "actions créées")), \(Components.plural(s.updated, "modifiée", "modifiées")), \(Components.plural(s.unchanged, "inchangée", "inchangées")). Les actions créées ou modifiées attendent la validation de la Région."
            )
        } catch let rejected as ImportRejected {
            return try await renderPlan(req, territory: t, issues: rejected.issues, status: .badRequest)
        }
    }

    func newForm(req: Request) async throws -> Response {
        let t = try await territory(req)
        guard ActionAccess.mayEdit(req.principal, territory: t.id) else {
            throw AppError.notFound("Ce plan ne relève pas de votre territoire.")
        }
        return try await form(req, t, id: nil, ActionForm(today: req.clock.today))
    }

    func create(req: Request) async throws -> Response {
        let t = try await territory(req)
        return try await save(req, territory: t, id: nil)
    }

    func editForm(req: Request) async throws -> Response {
        let (action, t) = try await visibleAction(req)
        guard ActionAccess.mayEdit(req.principal, territory: t.id) else {
            throw AppError.notFound("Cette action ne relève pas de votre territoire.")
        }
        return try await form(req, t, id: action.id, ActionForm(action.content, extras: action.extras))
    }

    func update(req: Request) async throws -> Response {
        let (action, t) = try await visibleAction(req)
        return try await save(req, territory: t, id: action.id)
    }

    func form(
        _ req: Request, _ t: GeoQueries.TerritorySummary, id: UUID?, _ form: ActionForm, errors: [String: String] = [:],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let instruments = try await FinancingQueries.instruments(on: req.db).filter { $0.unit == .euros }.map {
            (code: $0.code, label: "\($0.partnerName) — \($0.name)")
        }
        let model = ActionFormPage.Model(
            territoryID: t.id, territoryName: t.name, actionID: id, form: form, instruments: instruments, errors: errors)
        return HTMLResponse.make(ActionFormPage(model: model).render(), status: status)
    }

    func save(_ req: Request, territory t: GeoQueries.TerritorySummary, id: UUID?) async throws -> Response {
        guard ActionAccess.mayEdit(req.principal, territory: t.id) else {
            throw AppError.notFound("Ce plan ne relève pas de votre territoire.")
        }
        let posted = try req.content.decode(ActionForm.self)
        do {
            let (read, extrasRead) = (posted.content(today: req.clock.today), posted.extras())
            guard case .success(let content) = read, case .success(let extras) = extrasRead else {
                var fields: [String: String] = [:]
                for case .failure(let error) in [read.map { _ in () }, extrasRead.map { _ in () }] {
                    fields.merge(error.fields) { a, _ in a }
                }
                return try await form(req, t, id: id, posted, errors: fields, status: .badRequest)
            }
            let saved = try await ActionService.save(
                content, extras: extras, id: id, territory: t.id, by: req.auditActor, principal: try req.requirePrincipal(),
                today: req.clock.today,
                on: req.db)
            return req.redirect(to: SiteURL.action(saved).path + "?ok=enregistree", redirectType: .normal)
        } catch let error as FundError where error.kind == .invalid || error.kind == .conflict {
            return try await form(
                req, t, id: id, posted, errors: error.fields.isEmpty ? ["general": error.message] : error.fields, status: .badRequest)
        }
    }

    /// The action of the path, if the principal may see it (validated ones for everyone); else 404.
    func visibleAction(_ req: Request) async throws -> (ActionSummary, GeoQueries.TerritorySummary) {
        guard let id = req.parameters.get("id", as: UUID.self), let action = try await ActionQueries.find(id, on: req.db),
            let t = try await req.territorySummaries().first(where: { $0.id == action.territoryID }),
            action.validation == .validated || ActionAccess.seesAll(req.principal, territory: t.id, regions: t.regions)
        else { throw AppError.notFound("Cette action n’existe pas ou n’est pas encore publiée.") }
        return (action, t)
    }

    func show(req: Request) async throws -> Response {
        let notice = (try? req.query.get(String.self, at: "ok")).flatMap { ActionPage.notices[$0] }
        return try await renderAction(req, notice: notice)
    }

    func renderAction(
        _ req: Request, notice: String? = nil, errors: [String: String] = [:], reason: String = "", status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let (action, t) = try await visibleAction(req)
        let seesAll = ActionAccess.seesAll(req.principal, territory: t.id, regions: t.regions)
        let model = ActionPage.Model(
            action: action, history: seesAll ? try await ActionQueries.history(action.id, on: req.db) : [],
            mayEdit: ActionAccess.mayEdit(req.principal, territory: t.id),
            mayReview: ActionAccess.mayReview(req.principal, regions: t.regions),
            seesAll: seesAll, laureates: try await ActionQueries.laureates(action.extras.laureates, on: req.db),
            commitments: try await FinancingQueries.commitments(action: action.id, on: req.db).items,
            mayRecordCommitment: [.admin, .partner].contains(req.principal?.role),
            instrumentNames: Dictionary(
                try await FinancingQueries.instruments(on: req.db).map { ($0.code, "\($0.partnerName) — \($0.name)") }
            ) { a, _ in a }, notice: notice,
            errors: errors, reason: reason)
        return HTMLResponse.make(ActionPage(model: model).render(), status: status)
    }

    struct ReviewForm: Content {
        var decision: String?
        var motif: String?
    }

    func review(req: Request) async throws -> Response {
        let (action, t) = try await visibleAction(req)
        guard ActionAccess.mayReview(req.principal, regions: t.regions) else {
            throw AppError.notFound("Cette action ne relève pas de votre région.")
        }
        let form = try req.content.decode(ReviewForm.self)
        guard let decision = form.decision, ["valider", "renvoyer"].contains(decision) else {
            return try await renderAction(
                req, errors: ["general": "Choisissez de valider l’action ou de la renvoyer."], status: .badRequest)
        }
        do {
            try await ActionService.review(
                action.id, validate: decision == "valider", reason: form.motif, regions: t.regions, by: req.auditActor,
                principal: try req.requirePrincipal(), on: req.db)
            return req.redirect(
                to: SiteURL.action(action.id).path + "?ok=\(decision == "valider" ? "validee" : "renvoyee")", redirectType: .normal)
        } catch let error as FundError where error.kind == .invalid {
            return try await renderAction(req, errors: error.fields, reason: form.motif ?? "", status: .badRequest)
        }
    }

    static let pageSize = 50

    func plans(req: Request) async throws -> Response {
        let query = try req.query.decode(PlansQuery.self)
        let filter = try await Self.filter(query, req)
        let pagination = try Pagination(page: query.page, size: Self.pageSize)
        let (items, total) = try await ActionQueries.list(filter, range: pagination.range, on: req.db)
        let model = PlansPage.Model(
            actions: items, total: total, figures: ActionPlanFigures(try await ActionQueries.contents(filter, on: req.db)), query: query,
            page: pagination.page, pageCount: pagination.pageCount(total: total),
            regions: try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) })
        return HTMLResponse.make(PlansPage(model: model).render())
    }

    func plansCSV(req: Request) async throws -> Response {
        let filter = try await Self.filter(try req.query.decode(PlansQuery.self), req)
        let items = try await ActionQueries.list(filter, on: req.db).items
        return Download.csv(
            header: ["ti_id", "territoire"] + ActionPlanCSV.columns,
            rows: items.map { [$0.territoryID.rawValue, $0.territoryName] + ActionPlanCSV.fields(of: $0.visibleContent(seesAll: false)) },
            name: "plans-d-actions.csv")
    }

    static func filter(_ query: PlansQuery, _ req: Request) async throws -> ActionQueries.Filter {
        let summaries = try await req.territorySummaries()
        let regionCodes = Set(try await GeoQueries.regionsByName(on: req.db).map(\.code))
        return try query.filter { code in
            regionCodes.contains(code) ? summaries.filter { $0.regions.contains(code) }.map(\.id.rawValue) : nil
        }
    }
}
