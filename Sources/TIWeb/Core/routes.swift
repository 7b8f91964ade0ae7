import Vapor

/// The routing table. Paths come from `SiteURL` / `APIURL`, so links and routes cannot drift apart.
func routes(_ app: Application) throws {
    let site = SiteController()
    app.get(SiteURL.home.components, use: site.home)
    app.get(SiteURL.map.components, use: site.map)
    app.get(SiteURL.fund.components, use: site.fund)
    app.get(SiteURL.indicators.components, use: site.indicators)
    app.get(SiteURL.data.components, use: site.data)

    let territories = TerritoryController()
    app.get(SiteURL.territories.components, use: territories.index)
    app.get(SiteURL.territory(":id").components, use: territories.show)

    let regions = RegionController()
    app.get(SiteURL.regions.components, use: regions.index)
    app.get(SiteURL.region(":code").components, use: regions.show)
    app.get(SiteURL.departement(":code").components, use: DepartementController().show)

    let maps = MapController()
    app.get(SiteURL.mapRegions.components, use: maps.regions)
    app.get(SiteURL.mapDepartements.components, use: maps.departements)
    app.get(SiteURL.mapTerritories.components, use: maps.territories)
    app.get(SiteURL.mapRegionEpcis(":code").components, use: maps.regionEpcis)
    // `/cartes/territoires/{id}.svg`: the router matches whole components, so the ".svg" is stripped in the handler.
    app.get("cartes", "territoires", ":id", use: maps.territory)

    app.get("healthz", use: HealthController().check)

    let api = GeoAPIController()
    app.get(APIURL.regions.components, use: api.regions)
    app.get(APIURL.region(":code").components, use: api.region)
    app.get(APIURL.territories.components, use: api.territories)
    app.get(APIURL.territory(":id").components, use: api.territory)
    app.get(APIURL.commune(":insee").components, use: api.commune)
    app.get(APIURL.openapi.components) { req in OpenAPIDocument.serve(req: req) }
}

extension SiteURL {
    var components: [PathComponent] { path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}

extension APIURL {
    var components: [PathComponent] { path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) } }
}
