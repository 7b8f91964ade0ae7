import Fluent
import Foundation
import TIDomain
import TIPersistence
import Testing
import VaporTesting

@testable import TIWeb

extension AppTests {
    /// The authorisation matrix, generated: every protected route × every role (and anonymous).
    /// A route missing from `expected` fails, so a new protected route must be added here and
    /// in the matrix of ARCHITECTURE.md.
    @Suite("Authorisation matrix")
    struct AuthorisationMatrixTests {
        static let expected: [String: Access] = [
            "GET /compte": .signedIn,
            "GET /compte/jetons": .signedIn,
            "POST /compte/jetons": .signedIn,
            "POST /compte/jetons/:id/revoquer": .signedIn,
            "GET /compte/webhooks": .signedIn,
            "POST /compte/webhooks/:id/livraisons/:delivery/renvoyer": .signedIn,
            "GET /admin/utilisateurs": .admin,
            "POST /admin/utilisateurs": .admin,
            "POST /admin/utilisateurs/:id/desactiver": .admin,
            "POST /admin/utilisateurs/:id/activer": .admin,
            "GET /admin/journal": .admin,
            "GET /admin/journal.csv": .admin,
            "GET /api/v1/me": .signedIn,
            "GET /api/v1/webhooks": .signedIn,
            "POST /api/v1/webhooks": .signedIn,
            "DELETE /api/v1/webhooks/:id": .signedIn,
            "GET /api/v1/webhooks/:id/deliveries": .signedIn,
            "POST /api/v1/webhooks/:id/deliveries/:delivery/redeliver": .signedIn,
            // Inspiring projects
            "GET /projets-inspirants/nouveau": .roles([.territory, .region, .admin]),
            "POST /projets-inspirants/nouveau": .roles([.territory, .region, .admin]),
            "POST /projets-inspirants/:id/relecture": .admin,
            "GET /projets-inspirants/:id/modifier": .roles([.admin, .region, .territory]),
            "POST /projets-inspirants/:id/modifier": .roles([.admin, .region, .territory]),
            // Sites
            "GET /admin/enquetes": .admin,
            "POST /admin/enquetes": .admin,
            "POST /admin/enquetes/:id/envoi": .admin,
            "POST /admin/enquetes/:id/relance": .admin,
            "GET /enquetes/:id": .roles([.admin, .region]),
            "GET /enquetes/:id/reponses.csv": .roles([.admin, .region]),
            "GET /admin/rapport": .admin,
            "POST /admin/rapport": .admin,
            "GET /admin/rapport/:id": .admin,
            "POST /admin/rapport/:id": .admin,
            "POST /admin/rapport/:id/publier": .admin,
            "GET /metrics": .admin,
            "GET /admin/cofinancements": .admin,
            "POST /admin/cofinancements": .admin,
            "GET /admin/sites": .admin,
            "POST /admin/sites": .admin,
            "GET /admin/sites/:id": .admin,
            "POST /admin/sites/:id": .admin,
            // Financing
            "GET /financement/engagements": .roles([.admin, .partner]),
            "POST /financement/engagements": .roles([.admin, .partner]),
            "POST /financement/engagements/import": .roles([.admin, .partner]),
            "POST /financement/partenaires": .admin,
            "POST /financement/instruments": .admin,
            "POST /api/v1/commitments": .roles([.admin, .partner]),
            // Action plans
            "POST /territoires/:id/plan/import": .roles([.territory, .admin]),
            "GET /territoires/:id/plan/nouvelle": .roles([.territory, .admin]),
            "POST /territoires/:id/plan/nouvelle": .roles([.territory, .admin]),
            "GET /actions/:id/modifier": .roles([.territory, .admin]),
            "POST /actions/:id/modifier": .roles([.territory, .admin]),
            "POST /actions/:id/validation": .roles([.region, .admin]),
            // The fund
            "POST /fonds/appels/:id/candidater": .roles([.applicant]),
            "GET /dossiers": .roles(readers),
            "GET /instruction": .roles(staff.union([.territory])),
            "GET /instruction.csv": .roles(staff.union([.territory])),
            "GET /dossiers/:id": .roles(readers),
            "GET /dossiers/:id/modifier": .roles([.applicant]),
            "POST /dossiers/:id/modifier": .roles([.applicant]),
            "GET /dossiers/:id/deposer": .roles([.applicant]),
            "POST /dossiers/:id/supprimer": .roles([.applicant]),
            "POST /dossiers/:id/deposer": .roles([.applicant]),
            "GET /dossiers/:id/accuse": .roles(readers),
            "GET /dossiers/:id/accuse.pdf": .roles(readers),
            "GET /dossiers/:id/courrier": .roles(readers),
            "POST /dossiers/:id/actions/:action": .roles(staff.union([.applicant])),
            "POST /dossiers/:id/complements": .roles([.reviewer, .admin]),
            "POST /dossiers/:id/instruction": .roles([.reviewer, .admin]),
            "POST /dossiers/:id/instructeur": .roles([.reviewer, .admin]),
            "POST /dossiers/:id/notes": .roles([.reviewer, .admin, .prefecture, .region]),
            "POST /dossiers/:id/reversement": .roles([.admin, .region, .prefecture]),
            "GET /admin/utilisateurs/:id": .admin,
            "POST /admin/utilisateurs/:id": .admin,
            "POST /dossiers/:id/decision": .roles([.prefecture, .region]),
            "POST /dossiers/:id/convention": .roles([.admin, .region, .prefecture]),
            "POST /dossiers/:id/versements": .roles([.admin, .region, .prefecture]),
            "POST /dossiers/:id/echeancier": .roles([.admin, .region, .prefecture]),
            "POST /dossiers/:id/suivi": .roles([.admin, .region, .prefecture, .applicant]),
            "POST /dossiers/:id/messages": .roles(staff.union([.applicant])),
            "GET /dossiers/:id/pieces/:file": .roles(readers),
            "GET /comites/:region": .roles(staff),
            "POST /comites/:region": .roles([.prefecture, .region]),
            "GET /fonds/enveloppes": .roles(staff),
            "GET /fonds/enveloppes/:id": .roles(staff),
            "POST /fonds/enveloppes/:id": .admin,
            "GET /admin/appels": .admin,
            "GET /admin/appels/nouveau": .admin,
            "POST /admin/appels/nouveau": .admin,
            "GET /admin/appels/:id": .admin,
            "POST /admin/appels/:id": .admin,
            "POST /admin/appels/:id/enveloppes": .admin,
            "GET /admin/regimes": .admin,
            "POST /admin/regimes": .admin,
            "GET /api/v1/applications": .roles(readers),
            "GET /api/v1/applications/:id": .roles(readers),
            "POST /api/v1/applications/:id/decisions": .roles([.prefecture, .region]),
            "GET /api/v1/envelopes": .roles(staff),
        ]
        static let staff: Set<Role> = [.admin, .region, .prefecture, .reviewer]
        static let readers: Set<Role> = staff.union([.territory, .applicant])

        static func key(_ route: Route) -> String {
            "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
        }

        @Test func everyRouteDeclaresItsAccess() async throws {
            try await withTestApp(geo: false) { app in
                let undeclared = app.routes.all.filter { $0.access == nil }.map(Self.key)
                #expect(undeclared.isEmpty, "routes without an access policy: \(undeclared)")
                let protected = Dictionary(
                    uniqueKeysWithValues: app.routes.all.compactMap { route in
                        route.access.flatMap { $0 == .everyone ? nil : (Self.key(route), $0) }
                    })
                #expect(protected == Self.expected)
            }
        }

        @Test func everyRoleGetsTheExpectedAnswerOnEveryProtectedRoute() async throws {
            try await withTestApp(territories: true) { app in
                var browsers: [Role: Browser] = [:]
                for role in Role.allCases {
                    let user = try await Accounts.make(role, on: app)
                    let browser = Browser(app)
                    #expect(try await browser.signIn(user.email, Accounts.password).status == .seeOther)
                    let secret = "ti_matrix_\(role.rawValue)"
                    try await APIToken(
                        userID: user.requireID(), name: "matrice", tokenHash: Secret.hash(secret), prefix: "ti_matri", expires: 4e9
                    )
                    .create(on: app.db)
                    browser.bearer = secret
                    browsers[role] = browser
                }
                let victim = try await Accounts.make(.viewer, email: "cible@exemple.fr", on: app)
                let samples = [":id": victim.id!.uuidString, ":action": "withdraw", ":file": UUID().uuidString, ":region": "94"]

                for route in app.routes.all {
                    guard let access = route.access, access != .everyone else { continue }
                    let path = "/" + route.path.map { samples[$0.description] ?? $0.description }.joined(separator: "/")
                    let isAPI = path.hasPrefix("/api/")
                    // Anonymous: sign-in page for pages, 401 for the API.
                    let anonymous = try await Browser(app).send(route.method, path, body: route.method == .GET ? nil : "")
                    if isAPI {
                        #expect(anonymous.status == .unauthorized, "anonymous \(Self.key(route))")
                    } else if route.method == .GET {
                        #expect(
                            anonymous.status == .seeOther && anonymous.headers.first(name: .location)?.hasPrefix("/connexion") == true,
                            "anonymous \(Self.key(route))")
                    } else {
                        #expect(anonymous.status == .forbidden, "anonymous \(Self.key(route)) (no CSRF cookie)")
                    }
                    for role in Role.allCases {
                        let browser = browsers[role]!
                        let response = route.method == .GET ? try await browser.get(path) : try await browser.post(path, [:])
                        let principal = Principal(userID: "x", role: role, scope: .national)
                        let denied =
                            response.status == .forbidden || response.status == .unauthorized
                            || (response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/connexion") == true)
                        #expect(denied == !access.allows(principal), "\(role.rawValue) \(Self.key(route)) → \(response.status.code)")
                        if !access.allows(principal) { #expect(response.status == .forbidden, "\(role.rawValue) \(Self.key(route))") }
                    }
                    // The admin's deactivation of the sample account is undone for the next routes.
                    if let user = try await TIPersistence.User.find(victim.id, on: app.db), !user.active {
                        user.active = true
                        try await user.save(on: app.db)
                    }
                }
            }
        }
    }
}
