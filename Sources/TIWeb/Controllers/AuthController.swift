import TIDomain
import TIPersistence
import Vapor

/// Sign-in, sign-out, forgotten password. Password sign-in is one way to open a session;
/// an OpenID Connect (ProConnect) callback would be another, ending in `SessionStore.open`.
struct AuthController {
    /// A bcrypt hash of a random string, verified when the account does not exist so that
    /// the response time does not reveal whether an address has an account.
    static let decoyHash = try! Bcrypt.hash("decoy-\(UUID().uuidString)", cost: 12)

    struct SignInQuery: Content {
        var retour: String?
        var reinitialise: String?
    }

    func signInForm(req: Request) async throws -> Response {
        let query = try req.query.decode(SignInQuery.self)
        return HTMLResponse.make(
            SignInPage(
                back: Self.safeRedirect(query.retour) ?? "",
                notice: query.reinitialise != nil
                    ? "Mot de passe enregistré : vous pouvez vous connecter. Vos autres sessions, liens de réinitialisation et jetons d’API ont été révoqués."
                    : nil
            ).render())
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var retour: String?
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let rawEmail = form.email ?? ""
        let back = Self.safeRedirect(form.retour)
        func fail(_ message: String, status: HTTPResponseStatus = .unauthorized) -> Response {
            HTMLResponse.make(SignInPage(email: rawEmail, back: back ?? "", error: message).render(), status: status)
        }
        guard let email = try? EmailAddress.normalise(rawEmail), let password = form.password, !password.isEmpty else {
            return fail("Saisissez votre adresse électronique et votre mot de passe.", status: .badRequest)
        }
        let rules = req.application.config.loginThrottle
        let store = LoginThrottleStore(database: req.db, rules: rules)
        let address = req.clientAddress
        let accountKey = LoginThrottleStore.accountKey(email)
        let addressKey = LoginThrottleStore.addressKey(address)
        let keys = [(accountKey, rules.accountLimit), (addressKey, rules.addressLimit)]
        let now = req.clock.epoch

        // The attempt is counted before the password is checked (see LoginThrottleStore).
        let remaining: Int
        switch try await store.admit(keys: keys, now: now) {
        case .locked(let seconds):
            return fail(LoginThrottle.lockedMessage(secondsLeft: seconds), status: .tooManyRequests)
        case .allowed(let delay, let left):
            remaining = left
            if delay > 0 { try await Task.sleep(nanoseconds: UInt64(min(delay, 30) * 1_000_000_000)) }
        }

        let user = try await UserAccounts.find(email: email, on: req.db)
        let valid: Bool
        do {
            valid = try await req.application.passwordHashing.verify(
                password, created: user?.passwordHash ?? Self.decoyHash, on: req.eventLoop)
        } catch is PasswordHashing.Saturated {
            // Too many sign-ins at once: the client is told to come back, the service stays up.
            let response = fail(AppError.saturated.message, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "5")
            return response
        }
        guard let user, valid, user.active else {
            try await store.failed(keys: keys, now: now)
            if remaining <= 0 {
                return fail(LoginThrottle.lockedMessage(secondsLeft: Int(rules.lockDuration)), status: .tooManyRequests)
            }
            var message = "Adresse électronique ou mot de passe incorrect."
            if remaining <= 2 {
                message += " Encore \(remaining) essai\(remaining > 1 ? "s" : "") avant un blocage temporaire de 15 minutes."
            }
            return fail(message)
        }
        try await store.succeeded(account: accountKey, address: addressKey)
        let token = try await SessionStore(database: req.db).open(for: user, now: req.clock.epoch)
        try await AuditLog.record(
            "session.ouverture", by: .init(id: try user.requireID().uuidString, role: user.role.rawValue, at: req.clock.now),
            object: "utilisateur", id: try user.requireID().uuidString, on: req.db)
        let response = req.redirect(to: back ?? Self.landing(for: user.principal).path, redirectType: .normal)
        response.cookies[SessionStore.cookieName] = SessionStore.cookie(token, request: req)
        // A new session, a new anonymous key: tokens seen before sign-in are worthless after it.
        response.cookies[CSRFMiddleware.cookieName] = CSRFMiddleware.cookie(Secret.generate(), request: req)
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

    /// Requests per address (15 minutes) and reset mails per account (one hour).
    static let resetRequestsPerAddress = 10
    static let resetMailsPerAccount = 3
    /// Every answer takes this long, whether or not the address has an account.
    static let forgotAnswerSeconds = 0.4

    /// Always answers the same way and in the same time, whether or not the address has an
    /// account: the look-up and the mail happen in a task the answer does not wait for (beyond
    /// the fixed answer time). Limited per address (429) and, silently, per account.
    func forgot(req: Request) async throws -> Response {
        let started = ContinuousClock.now
        let raw = try req.content.decode(EmailForm.self).email ?? ""
        guard let email = try? EmailAddress.normalise(raw) else {
            return HTMLResponse.make(
                ForgotPasswordPage(email: raw, error: "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.").render(),
                status: .badRequest)
        }
        let store = LoginThrottleStore(database: req.db, rules: req.application.config.loginThrottle)
        let now = req.clock.epoch
        let address = req.clientAddress
        if try await store.reserve("reset-address:" + address, now: now).attempt > Self.resetRequestsPerAddress {
            return HTMLResponse.make(
                ForgotPasswordPage(email: raw, error: "Trop de demandes depuis votre connexion : réessayez dans un quart d’heure.")
                    .render(),
                status: .tooManyRequests)
        }
        let application = req.application
        let logger = req.logger
        Task {
            do {
                let db = application.db
                guard
                    try await LoginThrottleStore(database: db, rules: application.config.loginThrottle)
                        .reserve("reset-account:" + Secret.hash(email), now: now, window: 3600).attempt <= Self.resetMailsPerAccount,
                    let user = try await UserAccounts.find(email: email, on: db), user.active
                else { return }
                try await PasswordReset.send(to: user, validity: 3600, application: application, reason: .forgotten)
            } catch {
                logger.error("password reset mail: \(String(reflecting: error))")
            }
        }
        // The answer does not wait for the task, and always takes the same time.
        try? await Task.sleep(until: started + .milliseconds(Int(Self.forgotAnswerSeconds * 1000)), clock: .continuous)
        return HTMLResponse.make(ForgotPasswordPage(sent: true).render())
    }

    func resetForm(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        let valid = try await PasswordReset.find(token, now: req.clock.epoch, on: req.db) != nil
        return HTMLResponse.make(ResetPasswordPage(token: token, valid: valid).render(), status: valid ? .ok : .gone)
    }

    struct ResetForm: Content {
        var password: String?
        var confirmation: String?
    }

    func reset(req: Request) async throws -> Response {
        let token = try req.parameters.require("token")
        guard let reset = try await PasswordReset.find(token, now: req.clock.epoch, on: req.db) else {
            return HTMLResponse.make(ResetPasswordPage(token: token, valid: false).render(), status: .gone)
        }
        let form = try req.content.decode(ResetForm.self)
        let user = try await PasswordReset.user(of: reset, on: req.db)
        let password = form.password ?? ""
        do { try PasswordPolicy.validate(password, email: user.email) } catch {
            return HTMLResponse.make(ResetPasswordPage(token: token, valid: true, error: error.message).render(), status: .badRequest)
        }
        guard password == form.confirmation else {
            return HTMLResponse.make(
                ResetPasswordPage(token: token, valid: true, error: "Les deux saisies ne sont pas identiques.").render(),
                status: .badRequest)
        }
        let hash = try await req.application.passwordHashing.hash(password, on: req.eventLoop)
        // A new password ends every other credential: pending reset links, sessions, API tokens.
        try await PasswordReset.complete(reset, passwordHash: hash, now: req.clock.now, application: req.application)
        return req.redirect(to: SiteURL.signIn.path + "?reinitialise=1", redirectType: .normal)
    }

    /// Where each role's work is, after sign-in without a `retour`.
    static func landing(for principal: Principal) -> SiteURL {
        switch principal.role {
        case .applicant: .applications
        case .reviewer: .queue
        case .region, .prefecture: principal.scope.regions.first.map { .committee($0) } ?? .queue
        case .territory: principal.scope.territory.map { .territory($0) } ?? .territories
        case .admin: .adminUsers
        case .viewer: .indicators
        case .partner: .commitments
        }
    }

    /// Only same-site relative paths: begins with `/`, never `//host`, `/\\host` or an absolute URL
    /// (open redirect), no control character (header injection), 2 000 bytes at most.
    static func safeRedirect(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), raw.utf8.count <= 2_000,
            !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" })
        else { return nil }
        return raw
    }
}
