import TIDomain
import TIPersistence
import Vapor

/// Turnkey industrial sites: the catalogue at a date, a site, its files, the admins' form, the API.
struct SitesController {
    func sites(_ req: Request) async throws -> (SitesQuery, SiteQueries.Filter, [SiteQueries.Site]) {
        let query = try req.query.decode(SitesQuery.self)
        let regions = Set(try await GeoQueries.regionsByName(on: req.db).map(\.code))
        let filter = try query.filter(today: req.clock.today, regions: regions)
        return (query, filter, try await SiteQueries.list(filter, on: req.db))
    }

    func index(req: Request) async throws -> Response {
        let (query, filter, sites) = try await sites(req)
        let model = SitesPage.Model(
            sites: sites, query: query, asOf: filter.asOf,
            regions: try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) })
        return HTMLResponse.make(SitesPage(model: model).render())
    }

    static let csvHeader = [
        "id", "nom", "code_insee", "commune", "departement", "region", "territoire", "surface_ha", "disponible_ha", "urbanisme",
        "archeologie", "environnement", "vague", "qualifie_le", "implantations",
    ]

    func csv(req: Request) async throws -> Response {
        let (_, _, sites) = try await sites(req)
        func ha(_ m2: Int) -> String { SiteContent.hectares(m2).replacingOccurrences(of: " ha", with: "") }
        return Download.csv(
            header: Self.csvHeader,
            rows: sites.map { s in
                let c = s.content
                return [
                    s.id.uuidString, c.name, c.commune.rawValue, s.communeName, s.departement, s.region, s.territory ?? "", ha(c.surface),
                    ha(c.available), c.planningCleared ? "oui" : "non", c.archaeologyCleared ? "oui" : "non",
                    c.environmentCleared ? "oui" : "non",
                    c.wave.rawValue, c.wave.date.iso, c.settled ?? "",
                ]
            }, name: "sites-cles-en-main.csv")
    }

    func geojson(req: Request) async throws -> Response {
        let (_, _, sites) = try await sites(req)
        let features: [[String: Any]] = sites.compactMap { s in
            guard let lon = s.lon, let lat = s.lat else { return nil }
            return GeoJSON.point(
                lon: lon, lat: lat,
                properties: [
                    "id": s.id.uuidString, "nom": s.content.name, "commune": s.communeName, "territoire": s.territory ?? NSNull(),
                    "surface_m2": s.content.surface, "disponible_m2": s.content.available, "vague": s.content.wave.rawValue,
                    "procedures_purgees": s.content.fullyCleared,
                ])
        }
        return Download.file(try GeoJSON.collection(features), type: Download.geoJSON, name: "sites-cles-en-main.geojson")
    }

    func show(req: Request) async throws -> Response {
        HTMLResponse.make(SitePage(site: try await Self.site(req), mayEdit: req.principal?.role == .admin).render())
    }

    func form(req: Request) async throws -> Response {
        HTMLResponse.make(SiteFormPage(form: SiteForm()).render())
    }

    func create(req: Request) async throws -> Response {
        try await save(req, id: nil)
    }

    func editForm(req: Request) async throws -> Response {
        let site = try await Self.site(req)
        let form = SiteForm(site.content, laureate: try await SiteService.laureateReference(site.laureateID, on: req.db))
        return HTMLResponse.make(SiteFormPage(form: form, siteID: site.id).render())
    }

    func update(req: Request) async throws -> Response {
        try await save(req, id: try await Self.site(req).id)
    }

    func save(_ req: Request, id: UUID?) async throws -> Response {
        let form = try req.content.decode(SiteForm.self)
        do {
            let saved = try await SiteService.save(
                try form.content().get(), id: id, laureate: form.laureat, by: req.auditActor, principal: try req.requirePrincipal(),
                on: req.db)
            return req.redirect(to: SiteURL.site(saved).path, redirectType: .normal)
        } catch let error as FundError where error.kind == .invalid {
            return HTMLResponse.make(SiteFormPage(form: form, siteID: id, errors: error.fields).render(), status: .badRequest)
        }
    }

    static func site(_ req: Request) async throws -> SiteQueries.Site {
        guard let id = req.parameters.get("id", as: UUID.self), let site = try await SiteQueries.find(id, on: req.db) else {
            throw AppError.notFound("Ce site n’existe pas.")
        }
        return site
    }

    struct SiteDTO: Content {
        var id: UUID
        var name: String
        var communeCode: String
        var communeName: String
        var departement: String
        var region: String
        var territoryId: String?
        var surfaceM2: Int
        var availableM2: Int
        var planningCleared: Bool
        var archaeologyCleared: Bool
        var environmentCleared: Bool
        var wave: String
        var qualifiedOn: String
    }

    /// `GET /api/v1/sites`: the sites qualified at `as_of`, filtered as the catalogue, 100 a page.
    func api(req: Request) async throws -> APIPage<SiteDTO> {
        let (query, _, all) = try await sites(req)
        let pagination = try Pagination(page: query.page, size: 100)
        let items = all[min(pagination.range.lowerBound, all.count)..<min(pagination.range.upperBound, all.count)].map { s in
            SiteDTO(
                id: s.id, name: s.content.name, communeCode: s.content.commune.rawValue, communeName: s.communeName,
                departement: s.departement,
                region: s.region, territoryId: s.territory, surfaceM2: s.content.surface, availableM2: s.content.available,
                planningCleared: s.content.planningCleared, archaeologyCleared: s.content.archaeologyCleared,
                environmentCleared: s.content.environmentCleared, wave: s.content.wave.rawValue, qualifiedOn: s.content.wave.date.iso)
        }
        return .init(req, pagination, count: all.count, items: items)
    }
}
