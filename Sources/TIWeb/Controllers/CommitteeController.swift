import TIDomain
import TIPersistence
import Vapor

/// The regional committee: applications ready for decision, with their key figures; each party
/// records its decisions for several applications at once. Each decision is its own transaction:
/// one refusal (an envelope short, a ceiling) does not undo the others, and is reported on its row.
struct CommitteeController {
    func show(req: Request) async throws -> Response {
        let (region, applications) = try await load(req)
        return HTMLResponse.make(
            CommitteePage(
                regionCode: region.code, regionName: region.name, applications: applications,
                party: req.principal.flatMap { DecisionParty.of($0.role) },
                territories: try await GeoQueries.territoryNames(on: req.db), results: [:],
                envelopes: try await EnvelopeQueries.inRegion(region.code, on: req.db)
            ).render())
    }

    /// Ticked decisions are first shown for confirmation (`confirmer=oui` saves them); nothing
    /// ticked says so.
    func decide(req: Request) async throws -> Response {
        let (region, applications) = try await load(req)
        let actor = try req.fundActor()
        let ticked = applications.compactMap { application -> (ApplicationDetail, Bool, String)? in
            let key = application.id.uuidString
            guard let avis = try? req.content.get(String.self, at: "avis_\(key)"), ["favorable", "defavorable"].contains(avis) else {
                return nil
            }
            return (application, avis == "favorable", (try? req.content.get(String.self, at: "motivation_\(key)")) ?? "")
        }
        guard !ticked.isEmpty else {
            let page = CommitteePage(
                regionCode: region.code, regionName: region.name, applications: applications,
                party: DecisionParty.of(actor.role), territories: try await GeoQueries.territoryNames(on: req.db), results: [:],
                envelopes: try await EnvelopeQueries.inRegion(region.code, on: req.db),
                error: "Aucune décision cochée : choisissez « Favorable » ou « Défavorable » pour au moins un dossier.")
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
        guard (try? req.content.get(String.self, at: "confirmer")) == "oui" else {
            return HTMLResponse.make(
                CommitteeConfirmPage(
                    regionCode: region.code, regionName: region.name,
                    decisions: ticked.map {
                        .init(
                            id: $0.0.id.uuidString, reference: $0.0.reference ?? "—", carrier: $0.0.carrierName ?? "", favourable: $0.1,
                            motivation: $0.2)
                    }
                ).render())
        }
        var results: [UUID: (ok: Bool, message: String)] = [:]
        for (application, favourable, motivation) in ticked {
            let avis = favourable ? "favorable" : "defavorable"
            do {
                let (updated, notifications) = try await FundService.decide(
                    application.id, favourable: avis == "favorable", motivation: motivation,
                    by: actor, on: req.db)
                await Notifier.deliver(notifications, on: req)
                results[application.id] = (
                    true,
                    updated.state == .inCommittee ? "Avis enregistré ; en attente de l’autre partie." : "Décision : \(updated.state.label)."
                )
            } catch let error as FundError {
                results[application.id] = (false, error.message)
            }
        }
        let (_, fresh) = try await load(req, includeDecided: Set(results.keys))
        let page = CommitteePage(
            regionCode: region.code, regionName: region.name, applications: fresh,
            party: DecisionParty.of(actor.role), territories: try await GeoQueries.territoryNames(on: req.db), results: results,
            envelopes: try await EnvelopeQueries.inRegion(region.code, on: req.db))
        return HTMLResponse.make(page.render(), status: results.values.contains { !$0.ok } ? .conflict : .ok)
    }

    /// The région (within the principal's scope, else 404) and its applications in committee.
    func load(_ req: Request, includeDecided: Set<UUID> = []) async throws -> (GeoQueries.Named, [ApplicationDetail]) {
        let code = try req.parameters.require("region")
        guard let principal = req.principal, principal.covers(region: code), let region = try await GeoQueries.region(code, on: req.db)
        else {
            throw AppError.notFound("Ce comité n’existe pas ou ne relève pas de votre périmètre.")
        }
        return (region, try await ApplicationQueue.committee(region: code, alsoDecided: includeDecided, on: req.db))
    }

}
