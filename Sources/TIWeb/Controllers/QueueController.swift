import Fluent
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
        let applications = try await FundAccess.scoped(FundApplication.query(on: req.db), principal).with(\.$call)
            .sort(\.$updatedAt, .descending).all()
        let notifications = try await TIPersistence.Notification.query(on: req.db).filter(\.$user.$id == req.requireUser().requireID())
            .sort(\.$atEpoch, .descending).limit(10).all()
        let calls = try await FundCall.query(on: req.db).all().filter { $0.rules.isOpen(on: req.clock.today) }
        let notice = (try? req.query.get(String.self, at: "ok")) == "supprime" ? "Brouillon supprimé." : nil
        return HTMLResponse.make(
            MyApplicationsPage(applications: applications, notifications: notifications, openCalls: calls, notice: notice).render())
    }

    /// Among `rows`, those whose latest message was written by the applicant.
    static func answered(_ rows: [FundApplication], on db: any Database) async throws -> Set<UUID> {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let messages = try await ApplicationMessage.query(on: db).filter(\.$application.$id ~~ ids).sort(\.$atEpoch).all()
        let latest = Dictionary(messages.map { ($0.$application.id, $0) }) { _, later in later }
        return Set(latest.filter { $0.value.authorRole == Role.applicant.rawValue }.keys)
    }

    func queue(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let principal = req.principal!
        let query = try filtered(filter, principal: principal, on: req.db)
        let total = try await query.copy().count()
        let pagination = try Pagination(page: filter.page, size: Self.pageSize)
        let page = pagination.page
        let rows = try await sorted(query, filter).range(pagination.range).all()
        let calls = try await FundCall.query(on: req.db).sort(\.$opensOn, .descending).all()
        var regions = try await Region.query(on: req.db).all().sorted { SearchText.normalise($0.name) < SearchText.normalise($1.name) }
        if ![.admin].contains(principal.role) { regions = regions.filter { principal.scope.regions.contains($0.code) } }
        let committees = principal.role == .admin ? regions.map(\.code) : principal.scope.regions
        let names = Dictionary(
            try await User.query(on: req.db).filter(\.$role == .reviewer).all().map { ($0.id!.uuidString, $0.displayName) }
        ) { a, _ in a }
        return HTMLResponse.make(
            QueuePage(
                filter: filter, rows: rows, total: total, page: page, pageSize: Self.pageSize,
                calls: calls, regions: regions.map { ($0.code, $0.name) },
                committeeRegions: [.region, .prefecture, .admin].contains(principal.role) ? committees : [],
                instructorNames: names, answered: try await Self.answered(rows, on: req.db), today: req.clock.today
            ).render())
    }

    /// The filtered list as CSV: exactly what the queue shows, all pages.
    func csv(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let rows = try await sorted(try filtered(filter, principal: req.principal!, on: req.db), filter).all()
        var out =
            "reference;etat;porteur;siren;taille;filiere;commune;departement;region;territoire;fragile;investissement_eur;aide_demandee_eur;aide_proposee_eur;aide_accordee_eur;emplois_crees;depose_le;decide_le\n"
        func euros(_ cents: Int64?) -> String { cents.map { String(format: "%.2f", Double($0) / 100) } ?? "" }
        for a in rows {
            let fields: [String] = [
                a.reference ?? "", a.state.label, a.carrierName ?? "", a.siren ?? "", a.size ?? "", a.sector ?? "", a.communeCode ?? "",
                a.departementCode ?? "", a.regionCode ?? "", a.territoryID ?? "", a.fragile ? "oui" : "non",
                euros(a.investmentTotalCents), euros(a.requestedAidCents),
                a.proposedStateCents == nil ? "" : euros((a.proposedStateCents ?? 0) + (a.proposedRegionCents ?? 0)),
                euros(a.aidStateCents + a.aidRegionCents), a.jobsCreated.map(String.init) ?? "", a.submittedOn ?? "", a.decidedOn ?? "",
            ]
            out += CSVField.line(fields)
        }
        let response = Response(status: .ok, body: .init(string: out))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "dossiers.csv")
        return response
    }

    /// The queue's `etat`: empty means « à traiter » on the page (`toProcessByDefault`), every
    /// state on the API; `tous` means every state.
    static let allStates = "tous"

    func filtered(_ f: Filter, principal: Principal, toProcessByDefault: Bool = true, on db: any Database) throws -> QueryBuilder<
        FundApplication
    > {
        var q = FundAccess.scoped(FundApplication.query(on: db), principal)
        func nonEmpty(_ s: String?) -> String? {
            s.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        }
        if let v = nonEmpty(f.appel) {
            guard let id = UUID(uuidString: v) else { throw AppError.badRequest("filtre_invalide", "Appel inconnu.") }
            q = q.filter(\.$call.$id == id)
        }
        if let v = nonEmpty(f.region) { q = q.filter(\.$regionCode == v) }
        if let v = nonEmpty(f.departement) { q = q.filter(\.$departementCode == v.uppercased()) }
        let etat = nonEmpty(f.etat) ?? ""
        if etat.isEmpty {
            if toProcessByDefault { q = q.filter(\.$state ~~ ApplicationState.toProcess) }
        } else if etat != Self.allStates {
            guard let state = ApplicationState(rawValue: etat) else {
                throw AppError.badRequest("filtre_invalide", "État « \(etat) » inconnu.")
            }
            q = q.filter(\.$state == state)
        }
        if let v = nonEmpty(f.ti) { q = v == "oui" ? q.filter(\.$territoryID != nil) : q.filter(\.$territoryID == nil) }
        if let v = nonEmpty(f.fragile) { q = q.filter(\.$fragile == (v == "oui")) }
        if let v = nonEmpty(f.taille) { q = q.filter(\.$size == v) }
        if let v = nonEmpty(f.filiere) { q = q.filter(\.$sector == v) }
        func cents(_ raw: String) throws -> Int64 {
            do { return try EuroCents(parsingEuros: raw).cents } catch { throw AppError.invalid(error) }
        }
        if let v = nonEmpty(f.aidMin) { q = q.filter(\.$requestedAidCents >= (try cents(v))) }
        if let v = nonEmpty(f.aidMax) { q = q.filter(\.$requestedAidCents <= (try cents(v))) }
        if let v = nonEmpty(f.q) {
            q = q.filter(.sql(unsafeRaw: "search_text"), .custom("LIKE"), .bind(SearchText.likeAnywhere(v)))
        }
        return q
    }

    func sorted(_ q: QueryBuilder<FundApplication>, _ f: Filter) -> QueryBuilder<FundApplication> {
        switch f.tri {
        case "aide": q.sort(\.$requestedAidCents, .descending).sort(\.$id)
        case "nom": q.sort(\.$carrierName).sort(\.$id)
        case "reference": q.sort(\.$reference).sort(\.$id)
        default: q.sort(\.$submittedOn, .descending).sort(\.$reference, .descending).sort(\.$id)
        }
    }
}
