import TIDomain
import TIPersistence
import Vapor

/// "Mes dossiers" for applicants; the work queue for reviewers, préfectures, Régions and admins.
struct QueueController {
    /// GET parameters of the queue: every view has a shareable URL.
    struct Filter: Content, Sendable {
        var appel: String?
        var region: String?
        var departement: String?
        var etat: String?
        var ti: String?  // "oui" | "non"
        var fragile: String?  // "oui" | "non"
        var taille: String?
        var filiere: String?
        var aidMin: String?
        var aidMax: String?
        var q: String?
        var tri: String?  // "depot" (default), "aide", "nom", "reference"
        var page: Int?

        func query(page: Int?) -> String {
            let pairs: [(String, String?)] = [
                ("appel", appel), ("region", region), ("departement", departement), ("etat", etat), ("ti", ti),
                ("fragile", fragile), ("taille", taille), ("filiere", filiere), ("aide_min", aidMin),
                ("aide_max", aidMax), ("q", q), ("tri", tri),
            ]
            var items = pairs.compactMap { k, v in
                v.flatMap { $0.isEmpty ? nil : "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            }
            if let page { items.append("page=\(page)") }
            return items.isEmpty ? "" : "?" + items.joined(separator: "&")
        }

        enum CodingKeys: String, CodingKey {
            case appel
            case region
            case departement
            case etat
            case ti
            case fragile
            case taille
            case filiere
            case aidMin = "aide_min"
            case aidMax = "aide_max"
            case q
            case tri
            case page
        }
    }

    static let pageSize = 25

    func mine(req: Request) async throws -> Response {
        let principal = req.principal!
        guard principal.role == .applicant else { return req.redirect(to: SiteURL.queue.path) }
        let applications = try await ApplicationQueue.mine(principal, on: req.db)
        let notifications = try await ApplicationQueue.notifications(of: try req.requireUser().requireID(), on: req.db)
        let calls = try await CallQueries.open(on: req.clock.today, on: req.db)
        let notice = (try? req.query.get(String.self, at: "ok")) == "supprime" ? "Brouillon supprimé." : nil
        return HTMLResponse.make(
            MyApplicationsPage(applications: applications, notifications: notifications, openCalls: calls, notice: notice).render())
    }

    func queue(req: Request) async throws -> Response {
        let model = try await QueuePage.Model.query(
            try req.query.decode(Filter.self), pageSize: Self.pageSize, for: try req.requirePrincipal(), today: req.clock.today, on: req.db)
        return HTMLResponse.make(QueuePage(model: model).render())
    }

    static let csvHeader = [
        "reference", "etat", "porteur", "siren", "taille", "filiere", "commune", "departement", "region", "territoire", "fragile",
        "investissement_eur", "aide_demandee_eur", "aide_proposee_eur", "aide_accordee_eur", "emplois_crees", "depose_le", "decide_le",
    ]

    /// The filtered list as CSV: exactly what the queue shows, all pages.
    func csv(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let rows = try await ApplicationQueue.rows(try filter.criteria(), for: try req.requirePrincipal(), on: req.db)
        func euros(_ cents: Int64?) -> String { cents.map { String(format: "%.2f", Double($0) / 100) } ?? "" }
        let lines = rows.map { a -> [String] in
            [
                a.reference ?? "", a.state.label, a.carrierName ?? "", a.siren ?? "", a.size ?? "", a.sector ?? "", a.communeCode ?? "",
                a.departementCode ?? "", a.regionCode ?? "", a.territoryID ?? "", a.fragile ? "oui" : "non",
                euros(a.investmentTotalCents), euros(a.requestedAidCents),
                a.proposedStateCents == nil ? "" : euros((a.proposedStateCents ?? 0) + (a.proposedRegionCents ?? 0)),
                euros(a.aidStateCents + a.aidRegionCents), a.jobsCreated.map(String.init) ?? "", a.submittedOn ?? "", a.decidedOn ?? "",
            ]
        }
        return Download.csv(header: Self.csvHeader, rows: lines, name: "dossiers.csv")
    }

    /// The queue's `etat`: empty means « à traiter » on the page (`toProcessByDefault`), every
    /// state on the API; `tous` means every state.
    static let allStates = "tous"
}

extension QueueController.Filter {
    /// The criteria as the query reads them; an unknown call, state or amount is a 400 naming it.
    func criteria(toProcessByDefault: Bool = true) throws -> ApplicationQueueFilter {
        func nonEmpty(_ s: String?) -> String? {
            s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        }
        func yesNo(_ s: String?) -> Bool? { nonEmpty(s).map { $0 == "oui" } }
        func euros(_ s: String?) throws -> EuroCents? {
            guard let raw = nonEmpty(s) else { return nil }
            do { return try EuroCents(parsingEuros: raw) } catch { throw AppError.invalid(error) }
        }
        var f = ApplicationQueueFilter()
        if let v = nonEmpty(appel) {
            guard let id = UUID(uuidString: v) else { throw AppError.badRequest("filtre_invalide", "Appel inconnu.") }
            f.callID = id
        }
        f.region = nonEmpty(region)
        f.departement = nonEmpty(departement)
        switch nonEmpty(etat) {
        case nil: f.states = toProcessByDefault ? .toProcess : .all
        case QueueController.allStates: f.states = .all
        case let raw?:
            guard let state = ApplicationState(rawValue: raw) else {
                throw AppError.badRequest("filtre_invalide", "État « \(raw) » inconnu.")
            }
            f.states = .only(state)
        }
        f.inTerritory = yesNo(ti)
        f.fragile = yesNo(fragile)
        f.size = nonEmpty(taille)
        f.sector = nonEmpty(filiere)
        f.aidMin = try euros(aidMin)
        f.aidMax = try euros(aidMax)
        f.text = nonEmpty(q)
        f.order = tri.flatMap(ApplicationQueueFilter.Order.init(rawValue:)) ?? .deposit
        return f
    }
}
