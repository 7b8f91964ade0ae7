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
        // The programme's year ends (from its launch, Nov. 2018) before the date and no later than
        // this year's, then the date itself.
        var evolution: [(on: CivilDate, figures: FinancingFigures)] = []
        for year in 2018..<max(2018, min(date.year, req.clock.today.year + 1)) {
            let end = try CivilDate(year: year, month: 12, day: 31)
            evolution.append((end, try await Self.figures(req, asOf: end)))
        }
        let figures = try await Self.figures(req, asOf: date)
        evolution.append((date, figures))
        let model = FinancingPage.Model(asOf: date, figures: figures, evolution: evolution)
        return HTMLResponse.make(FinancingPage(model: model).render())
    }

    static let pageSize = 50

    func commitments(req: Request) async throws -> Response {
        let action = (try? req.query.get(String.self, at: "action")).flatMap(UUID.init(uuidString:))
        return try await render(req, form: CommitmentForm(date: req.clock.today.iso, action: action?.uuidString))
    }

    /// What the admin's « add a partner » and « add an instrument » forms post.
    struct CatalogueForm: Content {
        var code: String?
        var nom: String?
        var genre: String?
        var unite: String?
        var partenaire: String?
    }

    /// An admin adds a partner or an instrument; refused, the page says why and keeps what was typed.
    func addToCatalogue(req: Request, partner: Bool) async throws -> Response {
        let form = try req.content.decode(CatalogueForm.self)
        let entry = FinancingCatalogue.Entry(
            code: form.code ?? "", name: form.nom ?? "", kindOrUnit: (partner ? form.genre : form.unite) ?? "",
            partner: partner ? nil : form.partenaire ?? "")
        let blank = CommitmentForm(date: req.clock.today.iso)
        do {
            try await FinancingCatalogue.add(entry, by: req.auditActor, principal: try req.requirePrincipal(), on: req.db)
            return try await render(
                req, form: blank, notice: partner ? "Partenaire « \(entry.name) » ajouté." : "Instrument « \(entry.name) » ajouté.",
                status: .created)
        } catch let error as FundError where error.kind == .invalid {
            return try await render(
                req, form: blank, catalogue: (partner, form, error.fields), status: .badRequest)
        }
    }

    /// The page of an admin (every partner) or of an operator (its own partner's commitments only).
    func render(
        _ req: Request, form: CommitmentForm, errors: [String: String] = [:], importIssues: [ImportIssue] = [], notice: String? = nil,
        catalogue: (partner: Bool, form: CatalogueForm, errors: [String: String])? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let principal = try req.requirePrincipal()
        let pagination = try Pagination(page: try? req.query.get(Int.self, at: "page"), size: Self.pageSize)
        let partner = principal.role == .partner ? principal.scope.partner ?? "-" : nil
        let (items, total) = try await FinancingQueries.commitments(partner: partner, range: pagination.range, on: req.db)
        let model = CommitmentsPage.Model(
            commitments: items, total: total, page: pagination.page, pageCount: pagination.pageCount(total: total),
            instruments: try await FinancingService.enterable(by: principal, on: req.db),
            regions: try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) }, partner: partner, form: form,
            errors: errors, importIssues: importIssues, notice: notice,
            partners: partner == nil ? try await FinancingCatalogue.partners(on: req.db) : [], catalogue: catalogue)
        return HTMLResponse.make(CommitmentsPage(model: model).render(), status: status)
    }

    /// A partner's yearly file: all or nothing; a refused file is listed line by line.
    func importFile(req: Request) async throws -> Response {
        let blank = CommitmentForm(date: req.clock.today.iso)
        do {
            let text = try req.uploadedCSV().get()
            let s = try await FinancingService.importFile(
                text, by: req.auditActor, principal: try req.requirePrincipal(), today: req.clock.today, on: req.db)
            return try await render(
                req, form: blank,
                notice:
                    "Fichier importé : \(Components.plural(s.created, "engagement créé", "engagements créés")), \(Components.plural(s.updated, "modifié", "modifiés")), \(Components.plural(s.unchanged, "inchangé", "inchangés"))."
            )
        } catch let rejected as ImportRejected {
            return try await render(req, form: blank, importIssues: rejected.issues, status: .badRequest)
        }
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
        var reference: String?
        var actionId: UUID?
    }

    /// What `POST /api/v1/commitments` reads.
    struct CommitmentBody: Content {
        var instrument: String?
        var on: String?
        var region: String?
        var territoryId: String?
        var amountEur: Double?
        var quantity: Int?
        var note: String?
        var reference: String?
        var actionId: UUID?
    }

    /// `POST /api/v1/commitments`: one commitment, by an admin or by the partner whose instrument it is.
    func apiRecord(req: Request) async throws -> Response {
        let body = try req.content.decode(CommitmentBody.self)
        var errors: [String: String] = [:]
        var on = req.clock.today
        do { on = try CivilDate(parsing: body.on ?? "") } catch { errors["on"] = "Indiquez la date de l’engagement (AAAA-MM-JJ)." }
        var amount: EuroCents?
        if let euros = body.amountEur {
            if euros.isFinite, euros > 0, euros <= 10_000_000_000 {
                amount = EuroCents(cents: Int64((euros * 100).rounded()))
            } else {
                errors["amount_eur"] = "Le montant est positif, au plus 10 milliards d’euros."
            }
        }
        var territory: TerritoryID?
        if let raw = body.territoryId {
            do { territory = try TerritoryID(validating: raw) } catch { errors["territory_id"] = error.message }
        }
        if let r = body.reference, r.isEmpty || r.count > 100 { errors["reference"] = "La référence tient en 1 à 100 caractères." }
        func rejected(_ fields: [String: String]) -> AppError {
            .badRequest(
                "engagement_invalide",
                "L’engagement comporte des erreurs : " + fields.keys.sorted().map { "\($0) : \(fields[$0]!)" }.joined(separator: " ; "))
        }
        guard errors.isEmpty else { throw rejected(errors) }
        let content = CommitmentContent(
            instrument: body.instrument ?? "", on: on, region: body.region, territory: territory, amount: amount,
            quantity: body.quantity, note: body.note, reference: body.reference, action: body.actionId)
        let id: UUID
        do {
            id = try await FinancingService.record(
                content, by: req.auditActor, principal: try req.requirePrincipal(), today: req.clock.today, on: req.db)
        } catch let error as FundError where error.kind == .invalid {
            throw rejected(error.fields)
        }
        guard let stored = try await FinancingQueries.commitment(id, on: req.db) else { throw Abort(.internalServerError) }
        return try await Self.dto(stored).encodeResponse(status: .created, for: req)
    }

    static func dto(_ c: FinancingQueries.Commitment) -> CommitmentDTO {
        CommitmentDTO(
            id: c.id, partner: c.instrument.partner, partnerName: c.instrument.partnerName, instrument: c.instrument.code,
            instrumentName: c.instrument.name, unit: c.instrument.unit.rawValue, on: c.content.on.iso, region: c.content.region,
            territoryId: c.content.territory?.rawValue, amountEur: c.content.amount.map { Double($0.cents) / 100 },
            quantity: c.content.quantity, reference: c.content.reference, actionId: c.content.action)
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
        return .init(req, pagination, count: total, items: items.map(Self.dto))
    }
}
