import TIDomain
import TIPersistence
import Vapor

/// Enforces a route's `Access`: anonymous → sign-in page (HTML) or 401 (API); wrong role → 403.
struct AccessGuard: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if access.allows(request.principal) {
            // The API's contract is checked once the caller may call: 401 and 403 come first.
            guard request.isAPI else { return try await next.respond(to: request) }
            return try await APIContractMiddleware(contract: .shared).respond(to: request, chainingTo: next)
        }
        if request.principal == nil {
            if request.isAPI {
                throw AppError(
                    .unauthorized, code: "authentification_requise",
                    "Authentification requise : envoyez un jeton d’API (Authorization: Bearer …).")
            }
            let back = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            return request.redirect(
                to: SiteURL.signIn.path + "?retour=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        throw AppError(.forbidden, code: "acces_refuse", "Votre rôle ne permet pas cette action.")
    }
}

extension RoutesBuilder {
    /// Registers a route behind its access guard and records the policy on the route.
    @discardableResult
    ///
    /// `cached`: the answer to an anonymous GET depends on the address, the data and the day alone,
    /// so it is kept per data version (`PageCache`).
    func endpoint(
        _ method: HTTPMethod, _ path: [PathComponent], access: Access, body: HTTPBodyStreamStrategy = .collect,
        cached: Bool = false, use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        let route = grouped(AccessGuard(access: access), ConditionalGETMiddleware(access: access))
            .on(method, path, body: body, use: handler)
        route.userInfo["access"] = access
        route.userInfo["cached"] = cached && method == .GET && access == .everyone
        return route
    }
}

extension Route {
    var access: Access? { userInfo["access"] as? Access }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }

    private struct PrincipalKey: StorageKey { typealias Value = Principal }
    private struct UserKey: StorageKey { typealias Value = UserBox }
    final class UserBox: @unchecked Sendable {
        let user: TIPersistenceUser
        init(_ user: TIPersistenceUser) { self.user = user }
    }

    /// The signed-in person (session cookie on pages, Bearer token on the API), if any.
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    var currentUser: TIPersistenceUser? {
        get { storage[UserKey.self]?.user }
        set { storage[UserKey.self] = newValue.map(UserBox.init) }
    }

    /// The audit actor for this request.
    var auditActor: AuditLog.Actor {
        AuditLog.Actor(id: principal?.userID, role: principal?.role.rawValue ?? "anonyme", at: clock.now)
    }
}

typealias TIPersistenceUser = TIPersistence.User
