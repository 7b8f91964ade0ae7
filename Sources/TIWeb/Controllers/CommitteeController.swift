import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The regional committee: applications ready for decision, with their key figures; each party
/// records its decisions for several applications at once. Each decision is its own transaction:
/// one refusal (an envelope short, a ceiling) does not undo the others, and is reported on its row.
struct CommitteeController {
    func show(req: Request) async throws -> Response {
        let (region, applications) = try await load(req)
        return HTMLResponse.make(CommitteePage(regionCode: region.code, regionName: region.name, applications: applications,
                                               party: req.principal.flatMap { DecisionParty.of($0.role) },
                                               territories: try await territoryNames(req), results: [:],
                                               envelopes: try await envelopes(region.code, req)).render())
    }

    /// Ticked decisions are first shown for confirmation (`confirmer=oui` saves them); nothing
    /// ticked says so.
    func decide(req: Request) async throws -> Response {
        let (region, applications) = try await load(req)
        let actor = try req.fundActor()
        let ticked = applications.compactMap { application -> (FundApplication, Bool, String)? in
            let key = application.id!.uuidString
            guard let avis = try? req.content.get(String.self, at: "avis_\(key)"), ["favorable", "defavorable"].contains(avis) else { return nil }
            return (application, avis == "favorable", (try? req.content.get(String.self, at: "motivation_\(key)")) ?? "")
        }
        guard !ticked.isEmpty else {
            let page = CommitteePage(regionCode: region.code, regionName: region.name, applications: applications,
                                     party: DecisionParty.of(actor.role), territories: try await territoryNames(req), results: [:],
                                     envelopes: try await envelopes(region.code, req),
                                     error: "Aucune décision cochée : choisissez « Favorable » ou « Défavorable » pour au moins un dossier.")
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
        guard (try? req.content.get(String.self, at: "confirmer")) == "oui" else {
            return HTMLResponse.make(CommitteeConfirmPage(regionCode: region.code, regionName: region.name, decisions: ticked.map {
                .init(id: $0.0.id!.uuidString, reference: $0.0.reference ?? "—", carrier: $0.0.carrierName ?? "", favourable: $0.1, motivation: $0.2)
            }).render())
        }
        var results: [UUID: (ok: Bool, message: String)] = [:]
        for (application, favourable, motivation) in ticked {
            let avis = favourable ? "favorable" : "defavorable"
            do {
                let (updated, notifications) = try await FundService.decide(application.id!, favourable: avis == "favorable", motivation: motivation,
                                                                           by: actor, today: .today, on: req.db)
                await Notifier.deliver(notifications, on: req)
                results[application.id!] = (true, updated.state == .inCommittee ? "Avis enregistré ; en attente de l’autre partie." : "Décision : \(updated.state.label).")
            } catch let error as FundError {
                results[application.id!] = (false, error.message)
            }
        }
        let (_, fresh) = try await load(req, includeDecided: Set(results.keys))
        let page = CommitteePage(regionCode: region.code, regionName: region.name, applications: fresh,
                                 party: DecisionParty.of(actor.role), territories: try await territoryNames(req), results: results,
                                 envelopes: try await envelopes(region.code, req))
        return HTMLResponse.make(page.render(), status: results.values.contains { !$0.ok } ? .conflict : .ok)
    }

    /// The région (within the principal's scope, else 404) and its applications in committee.
    func load(_ req: Request, includeDecided: Set<UUID> = []) async throws -> (Region, [FundApplication]) {
        let code = try req.parameters.require("region")
        guard let principal = req.principal, principal.covers(region: code), let region = try await Region.find(code, on: req.db) else {
            throw AppError.notFound("Ce comité n’existe pas ou ne relève pas de votre périmètre.")
        }
        var applications = try await FundApplication.query(on: req.db).filter(\.$regionCode == code)
            .filter(\.$state == .inCommittee).sort(\.$reference).all()
        if !includeDecided.isEmpty {
            let decided = try await FundApplication.query(on: req.db).filter(\.$id ~~ includeDecided).filter(\.$state != .inCommittee).all()
            applications += decided
        }
        return (region, applications)
    }

    func territoryNames(_ req: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await Territory.query(on: req.db).all().map { ($0.id!, $0.name) })
    }

    func envelopes(_ region: String, _ req: Request) async throws -> [Envelope] {
        try await Envelope.query(on: req.db).filter(\.$region.$id == region).with(\.$call).all()
    }
}

struct EnvelopeController {
    func index(req: Request) async throws -> Response {
        let principal = req.principal!
        var query = Envelope.query(on: req.db).with(\.$call).with(\.$region)
        if principal.role != .admin { query = query.filter(\.$region.$id ~~ principal.scope.regions) }
        let envelopes = try await query.all().sorted { ($0.call.title, $0.region.name, $0.funder.rawValue) < ($1.call.title, $1.region.name, $1.funder.rawValue) }
        return HTMLResponse.make(EnvelopesPage(envelopes: envelopes, canEdit: principal.role == .admin).render())
    }

    func show(req: Request) async throws -> Response {
        let envelope = try await load(req)
        let movements = try await EnvelopeMovement.query(on: req.db).filter(\.$envelope.$id == envelope.id!).sort(\.$atEpoch).all()
        let references = Dictionary(uniqueKeysWithValues: try await FundApplication.query(on: req.db)
            .filter(\.$id ~~ movements.compactMap(\.applicationID)).all().map { ($0.id!, $0.reference ?? "—") })
        return HTMLResponse.make(EnvelopePage(envelope: envelope, movements: movements, references: references,
                                              canEdit: req.principal?.role == .admin).render())
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
              req.principal?.covers(region: envelope.$region.id) == true else {
            throw AppError.notFound("Cette enveloppe n’existe pas ou ne relève pas de votre périmètre.")
        }
        return envelope
    }
}

struct CallAdminController {
    func index(req: Request) async throws -> Response {
        let calls = try await FundCall.query(on: req.db).sort(\.$opensOn, .descending).all()
        return HTMLResponse.make(AdminCallsPage(calls: calls, today: .today).render())
    }

    func newForm(req: Request) async throws -> Response {
        let today = CivilDate.today
        let draft = CallService.Draft(title: "", description: "", opensOn: today.iso, closesOn: today.adding(months: 6).iso,
                                      carriers: CarrierKind.allCases.map(\.rawValue), sizes: CompanySize.allCases.map(\.rawValue), regions: "",
                                      minimumInvestment: "", startWithinMonths: "12", regimeID: "SA.56985-2022", collaborative: false)
        return try await renderForm(req, call: nil, draft: draft)
    }

    func editForm(req: Request) async throws -> Response {
        let call = try await FundController.call(req)
        return try await renderForm(req, call: call, draft: .init(call))
    }

    func renderForm(_ req: Request, call: FundCall?, draft: CallService.Draft, errors: [String: String] = [:], notice: String? = nil,
                    status: HTTPResponseStatus = .ok) async throws -> Response {
        let regimes = try await AidRegimeRecord.query(on: req.db).sort(\.$id).all()
        var envelopes: [Envelope] = []
        if let call { envelopes = try await Envelope.query(on: req.db).filter(\.$call.$id == call.id!).with(\.$region).all() }
        let regions = try await Region.query(on: req.db).all().sorted { SearchText.normalise($0.name) < SearchText.normalise($1.name) }
        return HTMLResponse.make(AdminCallFormPage(call: call, draft: draft, regimes: regimes, envelopes: envelopes,
                                                   regions: regions.map { ($0.code, $0.name) }, errors: errors, notice: notice).render(), status: status)
    }

    struct CallForm: Content {
        var titre: String?; var description: String?; var ouverture: String?; var cloture: String?
        var porteurs: [String]?; var tailles: [String]?; var regions: String?; var investissement_minimum: String?
        var demarrage: String?; var regime: String?; var collaboratif: String?

        var draft: CallService.Draft {
            .init(title: titre ?? "", description: description ?? "", opensOn: ouverture ?? "", closesOn: cloture ?? "",
                  carriers: porteurs ?? [], sizes: tailles ?? [], regions: regions ?? "", minimumInvestment: investissement_minimum ?? "",
                  startWithinMonths: demarrage ?? "", regimeID: regime ?? "", collaborative: collaboratif == "oui")
        }
    }

    func save(req: Request) async throws -> Response {
        let existing: FundCall? = req.parameters.get("id") == nil ? nil : try await FundController.call(req)
        let draft = try req.content.decode(CallForm.self).draft
        do {
            let call = try await CallService.save(draft, existing: existing, actor: req.auditActor, on: req.db)
            return try await renderForm(req, call: call, draft: .init(call), notice: existing == nil ? "Appel créé. Ouvrez maintenant ses enveloppes." : "Appel enregistré.",
                                        status: existing == nil ? .created : .ok)
        } catch let error as FundError {
            return try await renderForm(req, call: existing, draft: draft, errors: error.fields, status: .badRequest)
        }
    }

    struct EnvelopeForm: Content { var region: String?; var financeur: String?; var montant: String?; var un_pour_un: String? }

    func createEnvelope(req: Request) async throws -> Response {
        let call = try await FundController.call(req)
        let form = try req.content.decode(EnvelopeForm.self)
        do {
            guard let region = form.region, try await Region.find(region, on: req.db) != nil else {
                throw FundError(.invalid, "region_inconnue", "Choisissez une région.")
            }
            let amount: EuroCents
            do { amount = try EuroCents(parsingEuros: form.montant ?? "") } catch { throw FundError(.invalid, error.code, error.message) }
            _ = try await EnvelopeLedger.create(call: call.id!, region: region, funder: Envelope.Funder(rawValue: form.financeur ?? "") ?? .state,
                                                amount: amount, oneForOne: form.un_pour_un == "oui", actor: req.auditActor, on: req.db)
            return try await renderForm(req, call: call, draft: .init(call), notice: "Enveloppe ouverte.", status: .created)
        } catch let error as FundError {
            return try await renderForm(req, call: call, draft: .init(call), errors: ["enveloppe": error.message], status: error.status)
        }
    }

    func regimes(req: Request) async throws -> Response {
        HTMLResponse.make(RegimesPage(regimes: try await AidRegimeRecord.query(on: req.db).sort(\.$id).all()).render())
    }

    struct RegimeForm: Content { var id: String?; var libelle: String?; var plafond: String? }

    func saveRegime(req: Request) async throws -> Response {
        let form = try req.content.decode(RegimeForm.self)
        let id = (form.id ?? "").trimmingCharacters(in: .whitespaces)
        let label = (form.libelle ?? "").trimmingCharacters(in: .whitespaces)
        var error: String?
        var ceiling = EuroCents.zero
        do { ceiling = try EuroCents(parsingEuros: form.plafond ?? "") } catch let e { error = e.message }
        if !(3...40).contains(id.count) || label.count < 5 { error = "Indiquez un identifiant (3 à 40 caractères) et un libellé." }
        if ceiling <= .zero, error == nil { error = "Le plafond doit être positif." }
        let regimes = try await AidRegimeRecord.query(on: req.db).sort(\.$id).all()
        if let error { return HTMLResponse.make(RegimesPage(regimes: regimes, error: error).render(), status: .badRequest) }
        let existing = try await AidRegimeRecord.find(id, on: req.db)
        let finalCeiling = ceiling
        let regime = existing ?? AidRegimeRecord(id: id, label: label, ceiling: finalCeiling)
        let before = existing.map { ["libelle": $0.label, "plafond_centimes": String($0.ceilingCents)] }
        regime.label = label
        regime.ceilingCents = finalCeiling.cents
        try await req.db.writeTransaction { db in
            try await regime.save(on: db)
            try await AuditLog.record(existing == nil ? "regime.creation" : "regime.modification", by: req.auditActor, object: "regime", id: id,
                                      before: before, after: ["libelle": label, "plafond_centimes": String(finalCeiling.cents)], on: db)
        }
        return req.redirect(to: SiteURL.adminRegimes.path, redirectType: .normal)
    }
}
