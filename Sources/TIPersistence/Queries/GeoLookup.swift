import FluentSQL
import TIDomain

/// The whole code → commune / EPCI mapping in memory, to validate an import file in one pass.
public struct GeoLookup: Sendable {
    /// Commune code → EPCI SIREN (nil for the four communes without EPCI).
    public var communeEpci: [String: String?] = [:]
    /// Alias code → commune code, the best match per code (arrondissement before delegated commune…).
    public var aliasCommune: [String: String] = [:]
    public var epcis: Set<String> = []

    public static func load(on database: any Database) async throws -> GeoLookup {
        let sql = database as! any SQLDatabase
        var lookup = GeoLookup()
        for row in try await sql.select().columns("code", "epci_siren").from(Commune.schema).all() {
            lookup.communeEpci[try row.decode(column: "code", as: String.self)] = try row.decode(column: "epci_siren", as: String?.self)
        }
        var best: [String: (priority: Int, commune: String)] = [:]
        for row in try await sql.select().columns("code", "kind", "commune_code").from(CommuneAlias.schema).all() {
            let code = try row.decode(column: "code", as: String.self)
            let priority = CommuneKind(rawValue: try row.decode(column: "kind", as: String.self))?.resolutionPriority ?? 9
            let commune = try row.decode(column: "commune_code", as: String.self)
            if best[code].map({ priority < $0.priority }) ?? true { best[code] = (priority, commune) }
        }
        lookup.aliasCommune = best.mapValues(\.commune)
        for row in try await sql.select().column("siren").from(Epci.schema).all() {
            lookup.epcis.insert(try row.decode(column: "siren", as: String.self))
        }
        return lookup
    }

    /// The commune a code designates: the commune itself, else the commune of an arrondissement,
    /// delegated or associated commune.
    public func commune(for code: InseeCode) -> InseeCode? {
        if communeEpci[code.rawValue] != nil { return code }
        return aliasCommune[code.rawValue].flatMap { InseeCode($0) }
    }

    public var isEmpty: Bool { communeEpci.isEmpty }
}
