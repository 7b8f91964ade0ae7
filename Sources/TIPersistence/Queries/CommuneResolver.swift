import FluentKit
import TIDomain

/// Any INSEE code → its commune, EPCI, Territoires d'industrie, département, région and zonings.
public enum CommuneResolver {
    public static func resolve(_ code: InseeCode, on database: any Database) async throws -> CommuneResolution? {
        var commune = try await Commune.find(code.rawValue, on: database)
        var matchedAs = CommuneKind.commune
        var matchedName: String?
        if commune == nil {
            let aliases = try await CommuneAlias.query(on: database).filter(\.$code == code.rawValue).all()
            guard let alias = aliases.min(by: { $0.kind.resolutionPriority < $1.kind.resolutionPriority }) else { return nil }
            commune = try await Commune.find(alias.$commune.id, on: database)
            matchedAs = alias.kind
            matchedName = alias.name
        }
        guard let commune else { return nil }
        let departement = try await commune.$departement.get(on: database)
        let region = try await departement.$region.get(on: database)
        let epci = try await commune.$epci.get(on: database)
        var territories: [CommuneResolution.TerritoryRef] = []
        if let epci {
            let memberships = try await TerritoryEpci.query(on: database).filter(\.$epci.$id == epci.siren).with(\.$territory).all()
            territories = memberships.map { .init(id: $0.territory.id!, name: $0.territory.name) }.sorted { $0.id < $1.id }
        }
        let zonings = try await CommuneZoning.query(on: database).filter(\.$commune.$id == commune.code).all().map(\.kind)
        return CommuneResolution(
            requestedCode: code.rawValue, matchedAs: matchedAs.label, matchedName: matchedName,
            commune: .init(code: commune.code, name: commune.name), population: commune.population,
            epci: epci.map { .init(siren: $0.siren, name: $0.name, kind: $0.kind.rawValue) },
            territories: territories, departement: .init(code: departement.code, name: departement.name),
            region: .init(code: region.code, name: region.name), zonings: zonings)
    }

    /// The site of a stored code, if there is one and it is a valid INSEE code.
    public static func resolve(stored code: String?, on database: any Database) async throws -> CommuneResolution? {
        guard let code = code.flatMap(InseeCode.init) else { return nil }
        return try await resolve(code, on: database)
    }
}
