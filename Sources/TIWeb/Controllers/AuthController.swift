import Fluent
import TIDomain
import TIPersistence
import Vapor

/// Sign-in, sign-out, forgotten password. Password sign-in is one way to open a session;
/// an OpenID Connect (ProConnect) callback would be another, ending in `SessionStore.open`.
struct AuthController {
    /// A bcrypt hash of a random string, verified when the account does not exist so that
    /// the response time does not reveal whether an address has an account.
    static let decoyHash = try! Bcrypt.hash("decoy-\(UUID().uuidString)", cost: 12)

    struct SignInQuery: Content { var retour: String?; var reinitialise: String? }

    func signInForm(req: Request) async throws -> Response {
        let query = try req.query.decode(SignInQuery.self)
        return HTMLResponse.make(SignInPage(back: query.retour ?? "",
                                            notice: query.reinitialise != nil ? "Mot de passe enregistré : vous pouvez vous connecter." : nil).render())
    }

    struct SignInForm: Content { var email: String?; var password: String?; var retour: String? }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let rawEmail = form.email ?? ""
        let back = Self.safeRedirect(form.retour)
        func fail(_ message: String, status: HTTPResponseStatus = .unauthorized) -> Response {
            HTMLResponse.make(SignInPage(email: rawEmail, back: form.retour ?? "", error: message).render(), status: status)
        }
        guard let email = try? EmailAddress.normalise(rawEmail), let password = form.password, !password.isEmpty else {
            return fail("Saisissez votre adresse électronique et votre mot de passe.", status: .badRequest)
        }
        let rules = req.application.config.loginThrottle
        let store = LoginThrottleStore(database: req.db, rules: rules)
        let address = req.remoteAddress?.ipAddress ?? "inconnue"
        let keys = [(LoginThrottleStore.accountKey(email), rules.accountLimit), (LoginThrottleStore.addressKey(address), rules.addressLimit)]
        let now = Date().timeIntervalSince1970

        switch try await store.verdict(keys: keys, now: now) {
        case .locked(let seconds):
            return fail(LoginThrottle.lockedMessage(secondsLeft: seconds), status: .tooManyRequests)
        case .allowed(let delay, _):
            if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
        }

        let user = try await TIPersistenceUser.query(on: req.db).filter(\.$email == email).first()
        let valid = try await req.password.async.verify(password, created: user?.passwordHash ?? Self.decoyHash)
        guard let user, valid, user.active else {
            try await store.recordFailure(keys: keys, now: now)
            if case .locked(let seconds) = try await store.verdict(keys: keys, now: now) {
                return fail(LoginThrottle.lockedMessage(secondsLeft: seconds), status: .tooManyRequests)
            }
            var message = "Adresse électronique ou mot de passe incorrect."
            if case .allowed(_, let remaining) = try await store.verdict(keys: keys, now: now), remaining <= 2 {
                message += " Encore \(remaining) essai\(remaining > 1 ? "s" : "") avant un blocage temporaire de 15 minutes."
            }
            return fail(message)
        }
        try await store.clear(LoginThrottleStore.accountKey(email))
        let token = try await SessionStore(database: req.db).open(for: user)
        try await AuditLog.record("session.ouverture", by: .init(id: user.id!.uuidString, role: user.role.rawValue),
                                  object: "utilisateur", id: user.id!.uuidString, on: req.db)
        let response = req.redirect(to: back ?? SiteURL.account.path, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = SessionStore.cookie(token, request: req)
        return response
    }

    func signOut(req: Request) async throws -> Response {
        if let token = req.cookies[SessionStore.cookieName]?.string {
            try await SessionStore(database: req.db).close(token: token)
        }
        let response = req.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = SessionStore.cookie("", request: req, maxAge: 0)
        return response
    }

    func forgotForm(req: Request) async throws -> Response {
        HTMLResponse.make(ForgotPasswordPage().render())
    }

    struct EmailForm: Content { var email: String? }

    /// Always answers the same way, whether or not the address has an account.
    func forgot(req: Request) async throws -> Response {
        let raw = try req.content.decode(EmailForm.self).email ?? ""
        guard let email = try? EmailAddress.normalise(raw) else {
            return HTMLResponse.make(ForgotPasswordPage(email: raw, error: "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.").render(),
                                     status: .badRequest)
        }
        if let user = try await TIPersistenceUser.query(on: req.db).filter(\.$email == email).first(), user.active {
            try await PasswordReset.send(to: user, validity: 3600, request: req, reason: .forgotten)
        }
        return HTMLResponse.make(ForgotPasswordPage(sent: true).render())
    }

    func resetForm(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let valid = try await PasswordReset.find(token, on: req.db) != nil
        return HTMLResponse.make(ResetPasswordPage(token: token, valid: valid).render(), status: valid ? .ok : .gone)
    }

    struct ResetForm: Content { var password: String?; var confirmation: String? }

    func reset(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        guard let reset = try await PasswordReset.find(token, on: req.db) else {
            return HTMLResponse.make(ResetPasswordPage(token: token, valid: false).render(), status: .gone)
        }
        let form = try req.content.decode(ResetForm.self)
        let user = try await reset.$user.get(on: req.db)
        let password = form.password ?? ""
        do { try PasswordPolicy.validate(password, email: user.email) } catch {
            return HTMLResponse.make(ResetPasswordPage(token: token, valid: true, error: error.message).render(), status: .badRequest)
        }
        guard password == form.confirmation else {
            return HTMLResponse.make(ResetPasswordPage(token: token, valid: true, error: "Les deux saisies ne sont pas identiques.").render(), status: .badRequest)
        }
        let hash = try await req.password.async.hash(password)
        let now = Date().timeIntervalSince1970
        try await req.db.transaction { db in
            user.passwordHash = hash
            try await user.save(on: db)
            reset.usedEpoch = now
            try await reset.save(on: db)
            try await SessionStore(database: db).closeAll(for: user.requireID())
            try await LoginThrottleStore(database: db, rules: req.application.config.loginThrottle).clear(LoginThrottleStore.accountKey(user.email))
            try await AuditLog.record("utilisateur.mot_de_passe", by: .init(id: user.id!.uuidString, role: user.role.rawValue),
                                      object: "utilisateur", id: user.id!.uuidString, on: db)
        }
        return req.redirect(to: SiteURL.signIn.path + "?reinitialise=1", redirectType: .normal)
    }

    /// Only same-site paths: never `//host` or an absolute URL (open redirect).
    static func safeRedirect(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return nil }
        return raw
    }
}

/// Single-use, time-limited password links (forgotten password, new account).
enum PasswordReset {
    enum Reason { case forgotten, newAccount }

    static func send(to user: TIPersistenceUser, validity: Double, request: Request, reason: Reason) async throws {
        let token = Secret.generate()
        try await PasswordResetToken(tokenHash: Secret.hash(token), userID: user.requireID(),
                                     expires: Date().timeIntervalSince1970 + validity).create(on: request.db)
        let link = request.application.config.publicURL + SiteURL.resetPassword(token).path
        let hours = Int(validity / 3600)
        let mail: Mail
        switch reason {
        case .forgotten:
            mail = Mail(to: user.email, subject: "Territoires d’industrie : réinitialiser votre mot de passe", body: """
                Bonjour,

                Pour choisir un nouveau mot de passe, ouvrez ce lien (valable \(hours) heure\(hours > 1 ? "s" : ""), utilisable une seule fois) :
                \(link)

                Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
                """)
        case .newAccount:
            mail = Mail(to: user.email, subject: "Territoires d’industrie : votre compte", body: """
                Bonjour \(user.displayName),

                Un compte « \(user.role.label) » vient d’être créé pour vous sur la plateforme Territoires d’industrie.
                Choisissez votre mot de passe avec ce lien (valable \(hours) heures, utilisable une seule fois) :
                \(link)
                """)
        }
        try await request.application.mailer.send(mail)
    }

    /// The pending reset for a token, if it exists, is unused and not expired.
    static func find(_ token: String, on database: any Database) async throws -> PasswordResetToken? {
        guard let reset = try await PasswordResetToken.find(Secret.hash(token), on: database),
              reset.usedEpoch == nil, reset.expiresEpoch > Date().timeIntervalSince1970 else { return nil }
        return reset
    }
}
