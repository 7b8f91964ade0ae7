import Foundation
import TIDomain
import TIPersistence
import Vapor

/// The « point d'étape » report: the page and PDF at any date and scope, the API of its figures,
/// and the editions (admins write their texts and publish them; a published one is frozen).
struct ReportController {
    /// The date and scope asked for (`as_of`, `region`), validated like the indicators'.
    static func scope(_ req: Request) async throws -> (asOf: CivilDate, region: String?) {
        let query = try req.query.decode(IndicatorQuery.self)
        let scope = try query.scope(in: try await req.indicatorDataset(), today: req.clock.today)
        guard scope.territory == nil else {
            throw AppError.badRequest("perimetre_inconnu", "Le rapport se fait pour la France entière ou pour une région (region=…).")
        }
        return (scope.asOf, scope.region)
    }

    static func regions(_ req: Request) async throws -> [(code: String, name: String)] {
        try await GeoQueries.regionsByName(on: req.db).filter { !RegionGroup.isOverseas(regionCode: $0.code) }.map { ($0.code, $0.name) }
    }

    static func fileName(asOf: CivilDate, region: String?) -> String {
        "rapport-territoires-industrie-\(asOf.iso)\(region.map { "-\($0.lowercased())" } ?? "").pdf"
    }

    static func running(_ report: Report) -> String { "Territoires d’industrie — point d’étape au \(report.asOf.french) — \(report.scope)" }

    func page(req: Request) async throws -> Response {
        let (asOf, region) = try await Self.scope(req)
        let report = try await ReportBuilder(req: req, asOf: asOf, region: region).build()
        return HTMLResponse.make(
            ReportPage(
                article: ReportView(report: report).article(), asOf: asOf, region: region, regions: try await Self.regions(req),
                editions: try await ReportQueries.editions(on: req.db).filter { $0.published != nil }
            ).render())
    }

    func pdf(req: Request) async throws -> Response {
        let (asOf, region) = try await Self.scope(req)
        let report = try await ReportBuilder(req: req, asOf: asOf, region: region).build()
        let pdf = try await ReportPDF.make(
            article: ReportView(report: report).article(), title: report.title, running: Self.running(report))
        return PDFPrinter.response(pdf, filename: Self.fileName(asOf: asOf, region: region))
    }

    func style(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: ReportStyle.css))
        response.headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }

    struct ReportDTO: Content {
        struct SectionDTO: Content {
            var id: String
            var title: String
            /// What the section says is missing at this date or scope.
            var absent: [String]
        }

        var asOf: String
        var scope: String
        var sections: [SectionDTO]
        var figures: [ReportFigure]
    }

    static func dto(_ report: Report) -> ReportDTO {
        ReportDTO(
            asOf: report.asOf.iso, scope: report.scope,
            sections: report.sections.map { s in
                .init(
                    id: s.id, title: s.title,
                    absent: s.blocks.compactMap {
                        if case .absent(let text) = $0 { return text }
                        return nil
                    })
            }, figures: report.figures)
    }

    /// `GET /api/v1/report`: every figure of the report, with the indicator it comes from.
    func api(req: Request) async throws -> ReportDTO {
        let (asOf, region) = try await Self.scope(req)
        return Self.dto(try await ReportBuilder(req: req, asOf: asOf, region: region).build())
    }

    // MARK: Editions

    func editions(req: Request) async throws -> Response {
        HTMLResponse.make(
            ReportEditionsPage(editions: try await ReportQueries.editions(on: req.db), regions: try await Self.regions(req)).render())
    }

    struct EditionForm: Decodable {
        var titre: String?
        var asOf: String?
        var region: String?
        enum CodingKeys: String, CodingKey {
            case titre
            case asOf = "as_of"
            case region
        }
    }

    func createEdition(req: Request) async throws -> Response {
        let form = try req.content.decode(EditionForm.self)
        let regions = try await Self.regions(req)
        do {
            let id = try await ReportEditionService.create(
                title: form.titre ?? "", asOf: form.asOf ?? "", region: form.region,
                regions: Set(regions.map(\.code) + [IndicatorScope.overseasGroup]), by: req.auditActor,
                principal: try req.requirePrincipal(), on: req.db)
            return req.redirect(to: SiteURL.reportEditionEdit(id).path, redirectType: .normal)
        } catch let error as FundError where error.kind == .invalid {
            let typed = ["titre": form.titre ?? "", "as_of": form.asOf ?? "", "region": form.region ?? ""]
            return HTMLResponse.make(
                ReportEditionsPage(
                    editions: try await ReportQueries.editions(on: req.db), regions: regions, form: typed, errors: error.fields
                ).render(), status: .badRequest)
        }
    }

    static func edition(_ req: Request) async throws -> ReportQueries.Edition {
        guard let id = req.parameters.get("id", as: UUID.self), let e = try await ReportQueries.edition(id, on: req.db) else {
            throw AppError.notFound("Cette édition du rapport n’existe pas.")
        }
        // A draft is the admins' work: to anyone else it does not exist.
        if e.published == nil, req.principal?.role != .admin { throw AppError.notFound("Cette édition du rapport n’existe pas.") }
        return e
    }

    func editForm(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        guard e.published == nil else { return req.redirect(to: SiteURL.reportEdition(e.id).path, redirectType: .normal) }
        return HTMLResponse.make(ReportEditionEditPage(edition: e, title: e.title, editorial: e.editorial).render())
    }

    func saveEdition(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        let fields = try req.content.decode([String: String].self)
        var editorial: [String: String] = [:]
        for s in ReportSection.catalogue { editorial[s.id] = fields["texte_\(s.id)"] ?? "" }
        let title = fields["titre"] ?? ""
        do {
            try await ReportEditionService.saveEditorial(
                e.id, title: title, editorial: editorial, by: req.auditActor, principal: try req.requirePrincipal(), on: req.db)
        } catch let error as FundError where error.kind == .invalid {
            return HTMLResponse.make(
                ReportEditionEditPage(edition: e, title: title, editorial: editorial, errors: error.fields).render(), status: .badRequest)
        }
        let saved = try await Self.edition(req)
        return HTMLResponse.make(
            ReportEditionEditPage(edition: saved, title: saved.title, editorial: saved.editorial, notice: "Textes enregistrés.").render())
    }

    static func build(_ e: ReportQueries.Edition, req: Request) async throws -> Report {
        try await ReportBuilder(req: req, asOf: e.asOf, region: e.region).build(title: e.title, editorial: e.editorial)
    }

    func publish(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        let report = try await Self.build(e, req: req)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let figures = String(decoding: try encoder.encode(report.figures), as: UTF8.self)
        try await ReportEditionService.publish(
            e.id, html: ReportView(report: report).article(), figures: figures, by: req.auditActor, principal: try req.requirePrincipal(),
            on: req.db)
        return req.redirect(to: SiteURL.reportEdition(e.id).path, redirectType: .normal)
    }

    func show(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        guard e.published != nil, let html = e.frozenHTML else {
            let report = try await Self.build(e, req: req)
            return HTMLResponse.make(ReportEditionPage(edition: e, article: ReportView(report: report).article(), changes: nil).render())
        }
        let then = (try? JSONDecoder().decode([ReportFigure].self, from: Data((e.frozenFigures ?? "[]").utf8))) ?? []
        let now = try await Self.build(e, req: req).figures
        return HTMLResponse.make(ReportEditionPage(edition: e, article: html, changes: Self.changes(then: then, now: now)).render())
    }

    /// The figures whose printed value differs between the publication and a regeneration at the same date.
    static func changes(then: [ReportFigure], now: [ReportFigure]) -> [ReportEditionPage.Change] {
        let current = Dictionary(now.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let published = Set(then.map(\.id))
        var out: [ReportEditionPage.Change] = then.compactMap { f in
            let n = current[f.id]
            guard n?.text != f.text else { return nil }
            return .init(label: f.label, then: f.text, now: n?.text ?? "absent")
        }
        out += now.filter { !published.contains($0.id) }.map { .init(label: $0.label, then: "absent", now: $0.text) }
        return out
    }

    func editionPDF(req: Request) async throws -> Response {
        let e = try await Self.edition(req)
        let article: String
        let running: String
        if e.published != nil, let html = e.frozenHTML {
            article = html
            running = "\(e.title) — chiffres au \(e.asOf.french)"
        } else {
            let report = try await Self.build(e, req: req)
            article = ReportView(report: report).article()
            running = Self.running(report)
        }
        let pdf = try await ReportPDF.make(article: article, title: e.title, running: running)
        return PDFPrinter.response(pdf, filename: Self.fileName(asOf: e.asOf, region: e.region))
    }
}
