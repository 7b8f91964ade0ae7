import TIDomain
import TIPersistence
import Vapor

/// `/api/v1/calls…` (public), `/api/v1/applications…` and `/api/v1/envelopes` (signed in, scoped).
struct FundAPIController {
    struct CallDTO: Content {
        var id: UUID
        var title: String
        var description: String
        var opensOn: String
        var closesOn: String
        var carriers: [String]
        var sizes: [String]
        var regions: [String]
        var minimumInvestmentCents: Int64
        var startWithinMonths: Int
        var collaborative: Bool
        var regime: String
        var ceilingCents: Int64
        var envelopes: [EnvelopeDTO]?
    }

    struct EnvelopeDTO: Content {
        var id: UUID
        var callId: UUID
        var region: String
        var funder: String
        var amountCents: Int64
        var committedCents: Int64
        var paidCents: Int64
        var remainingCents: Int64
        var oneForOne: Bool
        init(_ e: EnvelopeSummary) {
            id = e.id
            callId = e.callID
            region = e.regionCode
            funder = e.funder.rawValue
            amountCents = e.amount.cents
            committedCents = e.committed.cents
            paidCents = e.paid.cents
            remainingCents = e.available.cents
            oneForOne = e.oneForOne
        }
    }

    func callDTO(_ call: FundCall, _ req: Request, withEnvelopes: Bool) async throws -> CallDTO {
        let regime = try await CallQueries.regime(of: call, on: req.db)
        let rules = call.rules
        var dto = CallDTO(
            id: try call.requireID(), title: call.title, description: call.description, opensOn: call.opensOn, closesOn: call.closesOn,
            carriers: CarrierKind.allCases.filter(rules.carriers.contains).map(\.rawValue),
            sizes: CompanySize.allCases.filter(rules.sizes.contains).map(\.rawValue), regions: rules.regions.sorted(),
            minimumInvestmentCents: call.minInvestmentCents, startWithinMonths: call.startWithinMonths,
            collaborative: call.collaborative, regime: try regime.requireID(), ceilingCents: regime.ceilingCents)
        if withEnvelopes {
            dto.envelopes = try await EnvelopeQueries.ofCall(try call.requireID(), on: req.db).map(EnvelopeDTO.init)
        }
        return dto
    }

    func calls(req: Request) async throws -> GeoAPIController.ListDTO<CallDTO> {
        var items: [CallDTO] = []
        for call in try await CallQueries.all(on: req.db) {
            items.append(try await callDTO(call, req, withEnvelopes: false))
        }
        return .init(count: items.count, items: items)
    }

    func call(req: Request) async throws -> CallDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else {
            throw AppError.badRequest("id_invalide", "Identifiant d’appel mal formé (UUID attendu).")
        }
        guard let call = try await CallQueries.find(id, on: req.db) else { throw AppError.notFound("Cet appel n’existe pas.") }
        // Envelopes follow the authorisation matrix of `/api/v1/envelopes`: staff only, in scope.
        guard let principal = req.principal, FundAccess.seesEnvelopes(principal) else {
            return try await callDTO(call, req, withEnvelopes: false)
        }
        var dto = try await callDTO(call, req, withEnvelopes: true)
        dto.envelopes = dto.envelopes?.filter { FundAccess.seesEnvelope(region: $0.region, principal) }
        return dto
    }

    struct ApplicationDTO: Content {
        var id: UUID
        var reference: String?
        var callId: UUID
        var state: String
        var carrierName: String?
        var siren: String?
        var size: String?
        var sector: String?
        var communeCode: String?
        var regionCode: String?
        var departementCode: String?
        var territoryId: String?
        var fragile: Bool
        var title: String?
        var investmentCents: Int64
        var requestedAidCents: Int64?
        var jobsCreated: Int?
        var stakes: [String]
        var submittedOn: String?
        var decidedOn: String?
        var aidStateCents: Int64
        var aidRegionCents: Int64
        /// Review content: staff only.
        var review: ReviewDTO?
    }

    struct ReviewDTO: Content {
        var eligibleInvestmentCents: Int64?
        var proposedStateCents: Int64?
        var proposedRegionCents: Int64?
        var stateDecision: String?
        var regionDecision: String?
    }

    static func dto(_ a: FundApplication, _ principal: Principal) throws -> ApplicationDTO {
        func decision(_ f: Bool?) -> String? { f.map { $0 ? "favourable" : "unfavourable" } }
        return ApplicationDTO(
            id: try a.requireID(), reference: a.reference, callId: a.$call.id, state: a.state.rawValue, carrierName: a.carrierName,
            siren: a.siren,
            size: a.size, sector: a.sector, communeCode: a.communeCode, regionCode: a.regionCode, departementCode: a.departementCode,
            territoryId: a.territoryID, fragile: a.fragile, title: a.title, investmentCents: a.investmentTotalCents,
            requestedAidCents: a.requestedAidCents, jobsCreated: a.jobsCreated, stakes: a.stakes.split(separator: ",").map(String.init),
            submittedOn: a.submittedOn, decidedOn: a.decidedOn, aidStateCents: a.aidStateCents, aidRegionCents: a.aidRegionCents,
            review: FundAccess.seesReview(principal)
                ? ReviewDTO(
                    eligibleInvestmentCents: a.eligibleInvestmentCents, proposedStateCents: a.proposedStateCents,
                    proposedRegionCents: a.proposedRegionCents, stateDecision: decision(a.stateFavourable),
                    regionDecision: decision(a.regionFavourable))
                : nil)
    }

    func applications(req: Request) async throws -> APIPage<ApplicationDTO> {
        let filter = try req.query.decode(QueueController.Filter.self)
        let principal = req.principal!
        let criteria = try filter.criteria(toProcessByDefault: false)
        let total = try await ApplicationQueue.count(criteria, for: principal, on: req.db)
        let pagination = try Pagination(page: filter.page, size: 100)
        let rows = try await ApplicationQueue.rows(criteria, for: principal, range: pagination.range, on: req.db)
        return APIPage(req, pagination, count: total, items: try rows.map { try Self.dto($0, principal) })
    }

    func application(req: Request) async throws -> ApplicationDTO {
        guard req.parameters.get("id", as: UUID.self) != nil else {
            throw AppError.badRequest("id_invalide", "Identifiant de dossier mal formé (UUID attendu).")
        }
        return try Self.dto(try await req.visibleApplication(), req.principal!)
    }

    struct DecisionBody: Content {
        var favourable: Bool?
        var motivation: String?
    }

    func decide(req: Request) async throws -> ApplicationDTO {
        guard req.parameters.get("id", as: UUID.self) != nil else {
            throw AppError.badRequest("id_invalide", "Identifiant de dossier mal formé (UUID attendu).")
        }
        let application = try await req.visibleApplication()
        let body = try req.content.decode(DecisionBody.self)
        guard let favourable = body.favourable else {
            throw AppError.badRequest("avis_requis", "Indiquez « favourable » (true ou false) et « motivation ».")
        }
        let (updated, notifications) = try await FundService.decide(
            try application.requireID(), favourable: favourable, motivation: body.motivation ?? "",
            by: try req.fundActor(), on: req.db)
        await Notifier.deliver(notifications, on: req)
        return try Self.dto(updated, req.principal!)
    }

    func envelopes(req: Request) async throws -> GeoAPIController.ListDTO<EnvelopeDTO> {
        let principal = req.principal!
        let items = try await EnvelopeQueries.visible(to: principal, on: req.db).map(EnvelopeDTO.init)
        return .init(count: items.count, items: items)
    }
}
