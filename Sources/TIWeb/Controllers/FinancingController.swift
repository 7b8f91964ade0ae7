import TIDomain
import TIPersistence
import Vapor

/// The programme's financing: the public page at a date, the admins' commitments, the API.
struct FinancingController {
    /// The financing at the end of `date`; the fund's lines from the engine's envelopes at that date.
    static func figures(_ req: Request, asOf date: CivilDate) async throws -> FinancingFigures {
        let envelopes = try IndicatorEngine.compute(
            "envelopes.committed_eur", in: try await req.indicatorDataset(), scope: IndicatorScope(asOf: date))
        func part(_ key: String) -> EuroCents { EuroCents(cents: envelopes?.parts?[key]?.cents ?? 0) }
        return try await FinancingQueries.figures(asOf: date, fund: (part("amount_state"), part("amount_region")), on: req.db)
    }

    func page(req: Request) async throws -> Response {
        let date = try req.query.decode(IndicatorQuery.self).date(today: req.clock.today)
        let model = FinancingPage.Model(asOf: date, figures: try await Self.figures(req, asOf: date))
        return HTMLResponse.make(FinancingPage(model: model).render())
    }

    static let pageSize = 50

    func commitments(req: Request) async throws -> Response {
        try await render(req, form: CommitmentForm(date: req.clock.today.iso))
    }

    func render(
        _ req: Request, form: CommitmentForm, errors: [String: String] = [:], notice: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let pagination = try Pagination(page: try? req.query.get(Int.self, at: "page"), size: Self.pageSize)
        let (items, total) = try await FinancingQueries.commitments(range: pagination.range, on: req.db)
        let model = CommitmentsPage.Model(
            commitments: items, total: total, page: pagination.page, pageCount: pagination.pageCount(total: total),
            instruments: try await FinancingQueries.instruments(on: req.db),
            regions: try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) }, form: form, errors: errors, notice: notice)
        return HTMLResponse.make(CommitmentsPage(model: model).render(), status: status)
    }

    func record(req: Request) async throws -> Response {
        let form = try req.content.decode(CommitmentForm.self)
        do {
            try await FinancingService.record(
                try form.content(today: req.clock.today).get(), by: req.auditActor, principal: try req.requirePrincipal(),
                today: req.clock.today, on: req.db)
            return try await render(
                req, form: CommitmentForm(date: req.clock.today.iso), notice: "Engagement enregistré.", status: .created)
        } catch let error as FundError where error.kind == .invalid {
            return try await render(req, form: form, errors: error.fields, status: .badRequest)
        }
    }

    struct CommitmentDTO: Content {
        var id: UUID
        var partner: String
        var partnerName: String
        var instrument: String
        var instrumentName: String
        var unit: String
        var on: String
        var region: String?
        var territoryId: String?
        var amountEur: Double?
        var quantity: Int?
    }

    struct APIQuery: Content {
        var partner: String?
        var page: Int?
    }

    /// `GET /api/v1/commitments`: the commitments entered, latest first, 100 a page.
    func api(req: Request) async throws -> APIPage<CommitmentDTO> {
        let q = try req.query.decode(APIQuery.self)
        let pagination = try Pagination(page: q.page, size: 100)
        let (items, total) = try await FinancingQueries.commitments(
            partner: q.partner.flatMap { $0.isEmpty ? nil : $0 }, range: pagination.range, on: req.db)
        return .init(
            count: total, page: pagination.page, pageSize: pagination.size,
            items: items.map { c in
                CommitmentDTO(
                    id: c.id, partner: c.instrument.partner, partnerName: c.instrument.partnerName, instrument: c.instrument.code,
                    instrumentName: c.instrument.name, unit: c.instrument.unit.rawValue, on: c.content.on.iso, region: c.content.region,
                    territoryId: c.content.territory?.rawValue, amountEur: c.content.amount.map { Double($0.cents) / 100 },
                    quantity: c.content.quantity)
            })
    }
}
