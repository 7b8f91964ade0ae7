import TIDomain
import TIPersistence
import Vapor

/// The signed-in person's account and personal API tokens.
struct AccountController {
    func show(req: Request) async throws -> Response {
        HTMLResponse.make(AccountPage(user: AccountSummary(try req.requireUser())).render())
    }

    func tokens(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return HTMLResponse.make(
            TokensPage(tokens: try await APITokens.of(try user.requireID(), on: req.db), now: req.clock.epoch).render())
    }

    struct TokenForm: Content {
        var name: String?
        var days: String?
    }

    func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(TokenForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let now = req.clock.epoch
        guard (1...80).contains(name.count) else {
            let page = TokensPage(
                tokens: try await APITokens.of(try user.requireID(), on: req.db), error: "Donnez un nom au jeton (80 caractères au plus).",
                name: name,
                now: now)
            return HTMLResponse.make(page.render(), status: .badRequest)
        }
        guard let days = form.days.flatMap(Int.init), [30, 90, 365].contains(days) else {
            throw AppError.badRequest("validite_invalide", "Choisissez une validité de 30, 90 ou 365 jours.")
        }
        let secret = Secret.generate(prefix: "ti_")
        _ = try await APITokens.create(
            userID: try user.requireID(), name: name, tokenHash: Secret.hash(secret), prefix: String(secret.prefix(9)),
            validityDays: days, now: now, actor: req.auditActor, on: req.db)
        let page = TokensPage(tokens: try await APITokens.of(try user.requireID(), on: req.db), created: (name, secret), now: now)
        let response = HTMLResponse.make(page.render(), status: .created)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")  // the secret is shown once: never cached
        return response
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        // Someone else's token answers 404, like a token that does not exist.
        guard let id = req.parameters.get("id", as: UUID.self),
            try await APITokens.revoke(id, of: try user.requireID(), at: req.clock.epoch, actor: req.auditActor, on: req.db)
        else {
            throw AppError.notFound("Ce jeton n’existe pas.")
        }
        return req.redirect(to: SiteURL.accountTokens.path, redirectType: .normal)
    }

    /// `GET /api/v1/me`: who a token acts for.
    struct MeDTO: Content {
        var id: String
        var displayName: String
        var role: String
        var regions: [String]
        var territory: String?
        var organisation: String?
    }

    func me(req: Request) async throws -> MeDTO {
        let user = try req.requireUser()
        let scope = user.scope
        return MeDTO(
            id: try user.requireID().uuidString, displayName: user.displayName, role: user.role.rawValue, regions: scope.regions,
            territory: scope.territory?.rawValue, organisation: scope.organisation?.rawValue)
    }
}

extension Request {
    func requireUser() throws -> TIPersistenceUser {
        guard let user = currentUser else {
            throw AppError(.unauthorized, code: "authentification_requise", "Connectez-vous pour continuer.")
        }
        return user
    }

    /// The signed-in person, or 401 (routes behind an access rule always have one).
    func requirePrincipal() throws -> Principal {
        guard let principal else {
            throw AppError(.unauthorized, code: "authentification_requise", "Connectez-vous pour continuer.")
        }
        return principal
    }
}
