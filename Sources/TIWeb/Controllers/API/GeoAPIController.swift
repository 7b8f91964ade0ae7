import TIDomain
import TIPersistence
import Vapor

/// `/api/v1/regions…`, `/api/v1/territories…`, `/api/v1/communes/{insee}`.
struct GeoAPIController {
    struct Named: Content {
        var code: String
        var name: String
    }

    struct RegionDTO: Content {
        var code: String
        var name: String
        var overseas: Bool
        var departements: [Named]
        var epciCount: Int
        var communeCount: Int
        var population: Int
        var territoryCount: Int
    }

    struct RegionDetailDTO: Content {
        var region: RegionDTO
        var territories: [TerritoryDTO]
    }

    struct ContactDTO: Content {
        var name: String
        var role: String?
        var organisation: String?
        init(_ c: Contact) {
            name = c.name
            role = c.role
            organisation = c.organisation
        }
    }

    struct TerritoryDTO: Content {
        var id: String
        var name: String
        var active: Bool
        var regions: [String]
        var departements: [String]
        var epciCount: Int
        var communeCount: Int
        var population: Int
        var projectLeadFundedByState: Bool
        init(_ s: GeoQueries.TerritorySummary) {
            id = s.id.rawValue
            name = s.name
            active = s.active
            regions = s.regions
            departements = s.departements
            epciCount = s.epcis.count
            communeCount = s.communes
            population = s.population
            projectLeadFundedByState = s.fundedProjectLead
        }
    }

    struct EpciDTO: Content {
        var siren: String
        var name: String
        var kind: String
        var communeCount: Int
        var population: Int
    }
    struct CommuneDTO: Content {
        var code: String
        var name: String
        var population: Int?
    }

    struct TerritoryDetailDTO: Content {
        var territory: TerritoryDTO
        var labelDate: String?
        var electedOfficial: ContactDTO?
        var industrialist: ContactDTO?
        var projectLead: ContactDTO?
        var epcis: [EpciDTO]
        var communes: [CommuneDTO]
    }

    struct ListDTO<Item: Content>: Content {
        var count: Int
        var items: [Item]
    }

    func regions(req: Request) async throws -> ListDTO<RegionDTO> {
        let territories = try await req.territorySummaries()
        let summaries = try await GeoQueries.regionSummaries(on: req.db, territories: territories)
        let departements = Dictionary(grouping: try await GeoQueries.departements(on: req.db), by: \.regionCode)
        let items = summaries.map { r in
            RegionDTO(
                code: r.code, name: r.name, overseas: r.overseas,
                departements: (departements[r.code] ?? []).map { Named(code: $0.departement.code, name: $0.departement.name) },
                epciCount: r.epcis, communeCount: r.communes, population: r.population, territoryCount: r.territories)
        }
        return ListDTO(count: items.count, items: items)
    }

    func region(req: Request) async throws -> RegionDetailDTO {
        let code = try req.parameters.require("code")
        guard code.count <= 3, code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else {
            throw AppError.badRequest(
                "code_region_invalide", "Le code de région « \(code) » est mal formé : deux chiffres INSEE, par exemple 84.")
        }
        let all = try await regions(req: req)
        guard let region = all.items.first(where: { $0.code == code }) else {
            throw AppError.notFound("La région « \(code) » n’existe pas.")
        }
        let territories = try await req.territorySummaries().filter { $0.regions.contains(code) }
        return RegionDetailDTO(region: region, territories: territories.map(TerritoryDTO.init))
    }

    struct TerritoryQuery: Content {
        var region: String?
        var q: String?
    }

    func territories(req: Request) async throws -> ListDTO<TerritoryDTO> {
        let query = try req.query.decode(TerritoryQuery.self)
        let needle = query.q.map(SearchText.normalise) ?? ""
        let items = try await req.territorySummaries().filter { t in
            (query.region.map { t.regions.contains($0) } ?? true) && (needle.isEmpty || SearchText.normalise(t.name).contains(needle))
        }
        return ListDTO(count: items.count, items: items.map(TerritoryDTO.init))
    }

    func territory(req: Request) async throws -> TerritoryDetailDTO {
        let raw = try req.parameters.require("id")
        guard let id = TerritoryID(raw) else {
            throw AppError.badRequest(
                "ti_id_invalide", "L’identifiant de territoire « \(raw) » est mal formé : 1 à 32 lettres, chiffres, « - » ou « _ ».")
        }
        guard let profile = try await GeoQueries.territoryProfile(raw, on: req.db) else {
            throw AppError.notFound("Le territoire d’industrie « \(raw) » n’existe pas.")
        }
        let epcis = try await req.epciStats()
        guard let summary = try await req.territorySummaries().first(where: { $0.id == id }) else {
            throw AppError.notFound("Le territoire d’industrie « \(raw) » n’existe pas.")
        }
        let communes = try await GeoQueries.communes(inEpcis: summary.epcis, on: req.db)
        return TerritoryDetailDTO(
            territory: TerritoryDTO(summary), labelDate: profile.labelDate?.iso,
            electedOfficial: profile.electedOfficial.map(ContactDTO.init), industrialist: profile.industrialist.map(ContactDTO.init),
            projectLead: profile.projectLead.map(ContactDTO.init),
            epcis: summary.epcis.compactMap { epcis[$0] }.map {
                EpciDTO(siren: $0.siren, name: $0.name, kind: $0.kind.rawValue, communeCount: $0.communes, population: $0.population)
            },
            communes: communes.map { CommuneDTO(code: $0.code, name: $0.name, population: $0.population) })
    }

    func commune(req: Request) async throws -> CommuneResolution {
        let raw = try req.parameters.require("insee")
        let code: InseeCode
        do { code = try InseeCode(validating: raw) } catch { throw AppError.invalid(error) }
        guard let resolution = try await CommuneResolver.resolve(code, on: req.db) else {
            throw AppError.notFound("Aucune commune ne porte le code INSEE \(code).")
        }
        return resolution
    }
}

extension CommuneResolution: Content {}
