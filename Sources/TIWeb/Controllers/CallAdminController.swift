import TIDomain
import TIPersistence
import Vapor

struct CallAdminController {
    func index(req: Request) async throws -> Response {
        let calls = try await CallQueries.summaries(on: req.db)
        return HTMLResponse.make(AdminCallsPage(calls: calls, today: req.clock.today).render())
    }

    func newForm(req: Request) async throws -> Response {
        let today = req.clock.today
        let draft = CallService.Draft(
            title: "", description: "", opensOn: today.iso, closesOn: today.adding(months: 6).iso,
            carriers: CarrierKind.allCases.map(\.rawValue), sizes: CompanySize.allCases.map(\.rawValue), regions: "",
            minimumInvestment: "", startWithinMonths: "12", regimeID: "SA.56985-2022", collaborative: false)
        return try await renderForm(req, call: nil, draft: draft)
    }

    func editForm(req: Request) async throws -> Response {
        let call = try await FundController.call(req)
        return try await renderForm(req, call: call, draft: .init(call))
    }

    func renderForm(
        _ req: Request, call: FundCall?, draft: CallService.Draft, errors: [String: String] = [:], notice: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let regimes = try await CallQueries.regimes(on: req.db)
        var envelopes: [EnvelopeSummary] = []
        let existing = try call.map { AdminCallFormPage.Existing(id: try $0.requireID(), title: $0.title) }
        if let id = existing?.id { envelopes = try await EnvelopeQueries.ofCall(id, on: req.db) }
        let regions = try await GeoQueries.regionsByName(on: req.db)
        return HTMLResponse.make(
            AdminCallFormPage(
                call: existing, draft: draft, regimes: regimes, envelopes: envelopes,
                regions: regions.map { ($0.code, $0.name) }, errors: errors, notice: notice
            ).render(), status: status)
    }

    struct CallForm: Content {
        var titre: String?
        var description: String?
        var ouverture: String?
        var cloture: String?
        var porteurs: [String]?
        var tailles: [String]?
        var regions: String?
        var minimumInvestment: String?
        var demarrage: String?
        var regime: String?
        /// A checkbox group of one: `collaboratif[]=oui` when ticked.
        var collaboratif: [String]?

        var draft: CallService.Draft {
            .init(
                title: titre ?? "", description: description ?? "", opensOn: ouverture ?? "", closesOn: cloture ?? "",
                carriers: porteurs ?? [], sizes: tailles ?? [], regions: regions ?? "", minimumInvestment: minimumInvestment ?? "",
                startWithinMonths: demarrage ?? "", regimeID: regime ?? "", collaborative: collaboratif?.contains("oui") == true)
        }

        enum CodingKeys: String, CodingKey {
            case titre
            case description
            case ouverture
            case cloture
            case porteurs
            case tailles
            case regions
            case minimumInvestment = "investissement_minimum"
            case demarrage
            case regime
            case collaboratif
        }
    }

    func save(req: Request) async throws -> Response {
        let existing: FundCall? = req.parameters.get("id") == nil ? nil : try await FundController.call(req)
        let draft = try req.content.decode(CallForm.self).draft
        do {
            let call = try await CallService.save(draft, existing: existing, actor: req.auditActor, on: req.db)
            return try await renderForm(
                req, call: call, draft: .init(call),
                notice: existing == nil ? "Appel créé. Ouvrez maintenant ses enveloppes." : "Appel enregistré.",
                status: existing == nil ? .created : .ok)
        } catch let error as FundError {
            return try await renderForm(req, call: existing, draft: draft, errors: error.fields, status: .badRequest)
        }
    }

    struct EnvelopeForm: Content {
        var region: String?
        var financeur: String?
        var montant: String?
        var oneForOne: String?

        enum CodingKeys: String, CodingKey {
            case region
            case financeur
            case montant
            case oneForOne = "un_pour_un"
        }
    }

    func createEnvelope(req: Request) async throws -> Response {
        let call = try await FundController.call(req)
        let form = try req.content.decode(EnvelopeForm.self)
        do {
            guard let region = form.region, try await GeoQueries.region(region, on: req.db) != nil else {
                throw FundError(.invalid, "region_inconnue", "Choisissez une région.")
            }
            let amount: EuroCents
            do { amount = try EuroCents(parsingEuros: form.montant ?? "") } catch { throw FundError(.invalid, error.code, error.message) }
            _ = try await EnvelopeLedger.create(
                call: try call.requireID(), region: region, funder: Envelope.Funder(rawValue: form.financeur ?? "") ?? .state,
                amount: amount, oneForOne: form.oneForOne == "oui", actor: req.auditActor, on: req.db)
            return try await renderForm(req, call: call, draft: .init(call), notice: "Enveloppe ouverte.", status: .created)
        } catch let error as FundError {
            return try await renderForm(req, call: call, draft: .init(call), errors: ["enveloppe": error.message], status: error.status)
        }
    }

    func regimes(req: Request) async throws -> Response {
        HTMLResponse.make(RegimesPage(regimes: try await CallQueries.regimes(on: req.db)).render())
    }

    struct RegimeForm: Content {
        var id: String?
        var libelle: String?
        var plafond: String?
    }

    func saveRegime(req: Request) async throws -> Response {
        let form = try req.content.decode(RegimeForm.self)
        let id = (form.id ?? "").trimmingCharacters(in: .whitespaces)
        let label = (form.libelle ?? "").trimmingCharacters(in: .whitespaces)
        var error: String?
        var ceiling = EuroCents.zero
        do { ceiling = try EuroCents(parsingEuros: form.plafond ?? "") } catch let e { error = e.message }
        if !(3...40).contains(id.count) || label.count < 5 { error = "Indiquez un identifiant (3 à 40 caractères) et un libellé." }
        if ceiling <= .zero, error == nil { error = "Le plafond doit être positif." }
        if let error {
            return HTMLResponse.make(
                RegimesPage(regimes: try await CallQueries.regimes(on: req.db), error: error).render(), status: .badRequest)
        }
        try await CallService.saveRegime(id: id, label: label, ceiling: ceiling, actor: req.auditActor, on: req.db)
        return req.redirect(to: SiteURL.adminRegimes.path, redirectType: .normal)
    }
}
