import TIDomain
import TIPersistence
import Vapor

/// National administration: accounts and the audit log.
struct AdminController {
    func users(req: Request) async throws -> Response {
        HTMLResponse.make(AdminUsersPage(users: try await allUsers(req)).render())
    }

    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var regions: String?
        var territory: String?
        var organisation: String?
        var partner: String?
    }

    func createUser(req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let draft = UserAccounts.Draft(
            email: form.email ?? "", displayName: form.name ?? "", role: form.role ?? "",
            regions: (form.regions ?? "").split(separator: ",").map(String.init), territory: form.territory,
            organisation: form.organisation,
            partner: form.partner)
        // An unusable random password until the person chooses theirs through the e-mailed link.
        let hash = try await req.password.async.hash(Secret.generate())
        do {
            let user = try await UserAccounts.create(draft, passwordHash: hash, actor: req.auditActor, on: req.db)
            try await PasswordReset.send(to: user, validity: 72 * 3600, application: req.application, reason: .newAccount)
            let page = AdminUsersPage(
                users: try await allUsers(req),
                notice: "Compte créé pour \(user.email) : un lien pour choisir le mot de passe lui a été envoyé.")
            return HTMLResponse.make(page.render(), status: .created)
        } catch let rejected as AccountRejected {
            let page = AdminUsersPage(
                users: try await allUsers(req),
                draft: .init(
                    email: form.email ?? "", name: form.name ?? "", role: form.role ?? "", regions: form.regions ?? "",
                    territory: form.territory ?? "", organisation: form.organisation ?? "", partner: form.partner ?? ""),
                errors: rejected.errors)
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
    }

    func editUser(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        let account = AccountSummary(user)
        return HTMLResponse.make(AdminUserEditPage(user: account, draft: .init(account)).render())
    }

    /// Name and scope of an account (its address and role stay as created).
    func updateUser(req: Request) async throws -> Response {
        let user = try await Self.user(req)
        let form = try req.content.decode(UserForm.self)
        let draft = AdminUsersPage.Draft(
            email: user.email, name: form.name ?? "", role: user.role.rawValue, regions: form.regions ?? "",
            territory: form.territory ?? "", organisation: form.organisation ?? "", partner: form.partner ?? "")
        do {
            try await UserAccounts.update(
                user, displayName: draft.name, regions: draft.regions.split(separator: ",").map(String.init),
                territory: draft.territory, organisation: draft.organisation, partner: draft.partner, actor: req.auditActor, on: req.db)
            return HTMLResponse.make(AdminUsersPage(users: try await allUsers(req), notice: "Compte de \(user.email) modifié.").render())
        } catch let rejected as AccountRejected {
            return HTMLResponse.make(
                AdminUserEditPage(user: AccountSummary(user), draft: draft, errors: rejected.errors).render(), status: .badRequest)
        }
    }

    static func user(_ req: Request) async throws -> TIPersistenceUser {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await UserAccounts.find(id, on: req.db) else {
            throw AppError.notFound("Ce compte n’existe pas.")
        }
        return user
    }

    func setActive(req: Request, active: Bool) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await UserAccounts.find(id, on: req.db) else {
            throw AppError.notFound("Ce compte n’existe pas.")
        }
        if user.id?.uuidString == req.principal?.userID, !active {
            throw AppError(.conflict, code: "auto_desactivation", "Vous ne pouvez pas désactiver votre propre compte.")
        }
        if user.active != active { try await UserAccounts.setActive(user, active, actor: req.auditActor, on: req.db) }
        return req.redirect(to: SiteURL.adminUsers.path, redirectType: .normal)
    }

    static let pageSize = 50

    func audit(req: Request) async throws -> Response {
        let query = try req.query.decode(AuditQuery.self)
        let filter = try Self.filter(query)
        let pagination = try Pagination(page: query.page, size: Self.pageSize)
        let page = pagination.page
        let (events, total) = try await AuditLog.entries(
            filter, range: pagination.offset..<(pagination.range.upperBound + 1), on: req.db)
        let actors = Dictionary(uniqueKeysWithValues: try await allUsers(req).map { ($0.id.uuidString, $0.displayName) })
        let shown = Array(events.prefix(Self.pageSize))
        // Files by their reference, accounts by their name: never a bare identifier.
        let fileIDs = shown.filter { $0.objectType == "dossier" }.compactMap { UUID(uuidString: $0.objectID) }
        let files = Dictionary(
            uniqueKeysWithValues: try await ApplicationQueries.labels(fileIDs, on: req.db).map { ($0.key.uuidString, $0.value) })
        return HTMLResponse.make(
            AuditPage(
                events: shown, actors: actors, files: files, filter: query, page: page,
                hasNext: events.count > Self.pageSize, total: total
            ).render())
    }

    /// The filtered list, as CSV (no pagination).
    func auditCSV(req: Request) async throws -> Response {
        let query = try req.query.decode(AuditQuery.self)
        let events = try await AuditLog.entries(try Self.filter(query), on: req.db).entries
        let iso = ISO8601DateFormatter()
        return Download.csv(
            header: ["date_utc", "auteur_id", "role", "action", "type_objet", "id_objet", "avant", "apres"],
            rows: events.map { e in
                [
                    iso.string(from: Date(timeIntervalSince1970: e.atEpoch)), e.actorID ?? "", e.actorRole, e.action,
                    e.objectType, e.objectID, e.beforeJSON ?? "", e.afterJSON ?? "",
                ]
            }, name: "journal-audit.csv")
    }

    static func filter(_ query: AuditQuery) throws -> AuditLog.Filter {
        func epoch(_ raw: String?, nextDay: Bool) throws -> Double? {
            guard let raw, !raw.isEmpty else { return nil }
            let date: CivilDate
            do { date = try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
            var c = DateComponents(year: date.year, month: date.month, day: date.day)
            c.timeZone = TimeZone(identifier: "Europe/Paris")
            let start = Calendar(identifier: .gregorian).date(from: c)!.timeIntervalSince1970
            return nextDay ? start + 86400 : start
        }
        return AuditLog.Filter(
            action: query.action, actorID: query.acteur, objectType: query.objet,
            fromEpoch: try epoch(query.du, nextDay: false), toEpoch: try epoch(query.au, nextDay: true))
    }

    private func allUsers(_ req: Request) async throws -> [AccountSummary] {
        try await UserAccounts.all(on: req.db).map(AccountSummary.init)
    }
}
