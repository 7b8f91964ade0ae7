import TIDomain
import Vapor

/// The routing table. Every route declares who may call it (`Access`), and paths come from
/// `SiteURL` / `APIURL`, so links and routes cannot drift apart. The authorisation matrix in
/// ARCHITECTURE.md is this table; `AuthorisationMatrixTests` checks it route by route.
func routes(_ app: Application) throws {
    let site = SiteController()
    app.endpoint(.GET, SiteURL.home.components, access: .everyone, use: site.home)
    app.endpoint(.GET, SiteURL.map.components, access: .everyone, use: site.map)
    app.endpoint(.GET, SiteURL.fund.components, access: .everyone, use: site.fund)
    app.endpoint(.GET, SiteURL.indicators.components, access: .everyone, use: site.indicators)
    app.endpoint(.GET, SiteURL.data.components, access: .everyone, use: site.data)

    let territories = TerritoryController()
    app.endpoint(.GET, SiteURL.territories.components, access: .everyone, use: territories.index)
    app.endpoint(.GET, SiteURL.territory(":id").components, access: .everyone, use: territories.show)

    let regions = RegionController()
    app.endpoint(.GET, SiteURL.regions.components, access: .everyone, use: regions.index)
    app.endpoint(.GET, SiteURL.region(":code").components, access: .everyone, use: regions.show)
    app.endpoint(.GET, SiteURL.departement(":code").components, access: .everyone, use: DepartementController().show)

    let maps = MapController()
    app.endpoint(.GET, SiteURL.mapRegions.components, access: .everyone, use: maps.regions)
    app.endpoint(.GET, SiteURL.mapDepartements.components, access: .everyone, use: maps.departements)
    app.endpoint(.GET, SiteURL.mapTerritories.components, access: .everyone, use: maps.territories)
    app.endpoint(.GET, SiteURL.mapRegionEpcis(":code").components, access: .everyone, use: maps.regionEpcis)
    // `/cartes/territoires/{id}.svg`: the router matches whole components, so the ".svg" is stripped in the handler.
    app.endpoint(.GET, ["cartes", "territoires", ":id"], access: .everyone, use: maps.territory)

    app.endpoint(.GET, ["healthz"], access: .everyone, use: HealthController().check)

    // Accounts
    let auth = AuthController()
    app.endpoint(.GET, SiteURL.signIn.components, access: .everyone, use: auth.signInForm)
    app.endpoint(.POST, SiteURL.signIn.components, access: .everyone, use: auth.signIn)
    app.endpoint(.POST, SiteURL.signOut.components, access: .everyone, use: auth.signOut)
    app.endpoint(.GET, SiteURL.forgotPassword.components, access: .everyone, use: auth.forgotForm)
    app.endpoint(.POST, SiteURL.forgotPassword.components, access: .everyone, use: auth.forgot)
    app.endpoint(.GET, SiteURL.resetPassword(":token").components, access: .everyone, use: auth.resetForm)
    app.endpoint(.POST, SiteURL.resetPassword(":token").components, access: .everyone, use: auth.reset)

    let account = AccountController()
    app.endpoint(.GET, SiteURL.account.components, access: .signedIn, use: account.show)
    app.endpoint(.GET, SiteURL.accountTokens.components, access: .signedIn, use: account.tokens)
    app.endpoint(.POST, SiteURL.accountTokens.components, access: .signedIn, use: account.createToken)
    app.endpoint(.POST, SiteURL.revokeToken(":id").components, access: .signedIn, use: account.revokeToken)

    let admin = AdminController()
    app.endpoint(.GET, SiteURL.adminUsers.components, access: .admin, use: admin.users)
    app.endpoint(.POST, SiteURL.adminUsers.components, access: .admin, use: admin.createUser)
    app.endpoint(.POST, SiteURL.adminUsers.components + [":id", "desactiver"], access: .admin) { try await admin.setActive(req: $0, active: false) }
    app.endpoint(.POST, SiteURL.adminUsers.components + [":id", "activer"], access: .admin) { try await admin.setActive(req: $0, active: true) }
    app.endpoint(.GET, SiteURL.adminAudit.components, access: .admin, use: admin.audit)
    app.endpoint(.GET, SiteURL.adminAuditCSV.components, access: .admin, use: admin.auditCSV)

    // API
    let api = GeoAPIController()
    app.endpoint(.GET, APIURL.regions.components, access: .everyone, use: api.regions)
    app.endpoint(.GET, APIURL.region(":code").components, access: .everyone, use: api.region)
    app.endpoint(.GET, APIURL.territories.components, access: .everyone, use: api.territories)
    app.endpoint(.GET, APIURL.territory(":id").components, access: .everyone, use: api.territory)
    app.endpoint(.GET, APIURL.commune(":insee").components, access: .everyone, use: api.commune)
    app.endpoint(.GET, APIURL.me.components, access: .signedIn, use: account.me)
    app.endpoint(.GET, APIURL.openapi.components, access: .everyone) { req in OpenAPIDocument.serve(req: req) }
}

extension SiteURL {
    var components: [PathComponent] { path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}

extension APIURL {
    var components: [PathComponent] { path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}
