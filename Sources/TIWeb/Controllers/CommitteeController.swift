import TIDomain
import TIPersistence
import Vapor

/// The regional committee: applications ready for decision, with their key figures; each party
/// records its decisions for several applications at once. Each decision is its own transaction:
/// one refusal (an envelope short, a ceiling) does not undo the others, and is reported on its row.
struct CommitteeController {
    /// A committee shows its files 50 at a time: a région may have a thousand in committee.
    static let pageSize = 50
    /// At most this many decisions in one form (a form shows 50).
    static let mostDecisions = 1_000

    func show(req: Request) async throws -> Response {
        let region = try await self.region(req)
        let pagination = try self.pagination(req)
        return HTMLResponse.make(
            try await page(
                req, region, pagination, party: req.principal.flatMap { DecisionParty.of($0.role) },
                applications: try await ApplicationQueue.committee(region: region.code, range: pagination.range, on: req.db)
            ).render())
    }

    /// Ticked decisions are first shown for confirmation (`confirmer=oui` saves them); nothing
    /// ticked says so. The form names each file (`avis_<id>`): only those still in this région's
    /// committee are decided, whatever page they were ticked on.
    func decide(req: Request) async throws -> Response {
        let region = try await self.region(req)
        let pagination = try self.pagination(req)
        let actor = try req.fundActor()
        let fields = (try? req.content.decode([String: String].self)) ?? [:]
        var opinions: [UUID: Bool] = [:]
        for (name, value) in fields where name.hasPrefix("avis_") && ["favorable", "defavorable"].contains(value) {
            if let id = UUID(uuidString: String(name.dropFirst("avis_".count))) { opinions[id] = value == "favorable" }
        }
        guard opinions.count <= Self.mostDecisions else {
            throw Abort(.badRequest, reason: "Trop de décisions dans un seul envoi (\(FrenchNumber.grouped(Self.mostDecisions)) au plus).")
        }
        let ticked = try await ApplicationQueue.inCommittee(region: region.code, ids: Set(opinions.keys), on: req.db).map {
            (application: $0, favourable: opinions[$0.id] ?? false, motivation: fields["motivation_\($0.id.uuidString)"] ?? "")
        }
        guard !ticked.isEmpty else {
            let page = try await page(
                req, region, pagination, party: DecisionParty.of(actor.role),
                applications: try await ApplicationQueue.committee(region: region.code, range: pagination.range, on: req.db),
                error: "Aucune décision cochée : choisissez « Favorable » ou « Défavorable » pour au moins un dossier.")
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
        guard fields["confirmer"] == "oui" else {
            return HTMLResponse.make(
                CommitteeConfirmPage(
                    regionCode: region.code, regionName: region.name, page: pagination.page,
                    decisions: ticked.map {
                        .init(
                            id: $0.application.id.uuidString, reference: $0.application.reference ?? "—",
                            carrier: $0.application.carrierName ?? "", favourable: $0.favourable, motivation: $0.motivation)
                    }
                ).render())
        }
        var results: [UUID: (ok: Bool, message: String)] = [:]
        for (application, favourable, motivation) in ticked {
            do {
                let (updated, notifications) = try await FundService.decide(
                    application.id, favourable: favourable, motivation: motivation, by: actor, on: req.db)
                await Notifier.deliver(notifications, on: req)
                results[application.id] = (
                    true,
                    updated.state == .inCommittee ? "Avis enregistré ; en attente de l’autre partie." : "Décision : \(updated.state.label)."
                )
            } catch let error as FundError {
                results[application.id] = (false, error.message)
            }
        }
        let page = try await page(
            req, region, pagination, party: DecisionParty.of(actor.role),
            applications: try await ApplicationQueue.committee(
                region: region.code, range: pagination.range, alsoDecided: Set(results.keys), on: req.db),
            results: results)
        return HTMLResponse.make(page.render(), status: results.values.contains { !$0.ok } ? .conflict : .ok)
    }

    /// The région, within the principal's scope (else 404).
    func region(_ req: Request) async throws -> GeoQueries.Named {
        let code = try req.parameters.require("region")
        guard let principal = req.principal, principal.covers(region: code), let region = try await GeoQueries.region(code, on: req.db)
        else {
            throw AppError.notFound("Ce comité n’existe pas ou ne relève pas de votre périmètre.")
        }
        return region
    }

    /// `?page=` of the form's address or the page's (not a number: the first page; out of range: 400).
    func pagination(_ req: Request) throws -> Pagination {
        try Pagination(page: try? req.query.get(Int.self, at: "page"), size: Self.pageSize)
    }

    func page(
        _ req: Request, _ region: GeoQueries.Named, _ pagination: Pagination, party: DecisionParty?, applications: [ApplicationDetail],
        results: [UUID: (ok: Bool, message: String)] = [:], error: String? = nil
    ) async throws -> CommitteePage {
        CommitteePage(
            regionCode: region.code, regionName: region.name, applications: applications,
            summary: try await ApplicationQueue.committeeSummary(region: region.code, on: req.db), pagination: pagination, party: party,
            territories: try await GeoQueries.territoryNames(on: req.db), results: results,
            envelopes: try await EnvelopeQueries.inRegion(region.code, on: req.db), error: error)
    }
}
