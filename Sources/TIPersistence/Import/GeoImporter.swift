import FluentSQL
import Foundation
import TIDomain
import TIGeo

/// `ti import geo`: loads régions, départements, EPCI, communes (with their arrondissements and
/// delegated communes) and derives every outline, in one transaction. A second run with the same
/// files changes nothing.
public enum GeoImporter {
    public struct Report: Sendable {
        public var regions = 0, departements = 0, epcis = 0, communes = 0, aliases = 0
        public var changes = 0
        public var gapFillers = 0
        public var readSeconds = 0.0
        public var outlineSeconds = 0.0
        public var totalSeconds = 0.0
    }

    public static func run(source: GeoSource, on database: any Database, progress: @escaping @Sendable (String) -> Void) async throws
        -> Report
    {
        let clock = Stopwatch()
        let say: @Sendable (String) -> Void = { message in progress(clock.line(message)) }
        let missing = source.missingFiles()
        guard missing.isEmpty else { throw GeoImportError.missingFile(missing.joined(separator: ", "), source.directory.path) }

        say("lecture de \(source.label)")
        let data = try GeoDataset.load(from: source, progress: say)
        var report = Report()
        report.readSeconds = clock.seconds

        say("calcul des contours (dissolution, comblement des trous, simplification)")
        let outlineClock = Stopwatch()
        let inputs = data.communes.map { commune in
            OutlineBuilder.CommuneInput(
                code: commune.code, departement: commune.departement,
                region: data.departements.first { $0.code == commune.departement }?.region ?? "",
                epci: commune.epci, geometry: commune.geometry)
        }
        let outlines = OutlineBuilder.build(communes: inputs, cantons: data.cantons) { say("  " + $0) }
        report.outlineSeconds = outlineClock.seconds
        report.gapFillers = outlines.gapFillers
        say("contours calculés en \(FrenchNumber.decimal(report.outlineSeconds, digits: 1)) s (\(outlines.gapFillers) trous comblés)")

        let rows = Rows(data)
        report.regions = data.regions.count
        report.departements = data.departements.count
        report.epcis = data.epcis.count
        report.communes = data.communes.count
        report.aliases = data.aliases.count
        say("écriture dans la base (une seule transaction)")
        // The import's log row is written in the same transaction as the geography: a crash
        // leaves both or neither (readiness reads the log).
        let changes = try await database.transaction { [report] db in
            let sql = db as! any SQLDatabase
            let changes = try await write(rows, outlines: outlines, on: sql, database: db, say: say)
            let log = GeoImport()
            log.source = source.label
            log.populationVintage = source.populationVintage
            log.regions = report.regions
            log.departements = report.departements
            log.epcis = report.epcis
            log.communes = report.communes
            log.aliases = report.aliases
            log.changes = changes
            log.gapFillers = report.gapFillers
            log.importSeconds = clock.seconds
            log.outlineSeconds = report.outlineSeconds
            try await log.create(on: db)
            try await WriteTransaction.bumpDataVersion(on: db)
            return changes
        }
        report.changes = changes
        report.totalSeconds = clock.seconds
        say("terminé : \(changes) modification\(changes > 1 ? "s" : "") de la géographie")
        return report
    }

    /// Rows in the shape of each table, computed once outside the transaction.
    struct Rows: Sendable {
        var regions: [(key: String, values: [TableSync.Value])]
        var departements: [(key: String, values: [TableSync.Value])]
        var epcis: [(key: String, values: [TableSync.Value])]
        var communes: [(key: String, values: [TableSync.Value])]
        var aliases: [(key: String, values: [TableSync.Value])]
        var postalCodes: [(key: String, values: [TableSync.Value])]

        init(_ data: GeoDataset) {
            regions = data.regions.map { ($0.code, [.string($0.name), .bool(RegionGroup.isOverseas(regionCode: $0.code))]) }
            departements = data.departements.map { ($0.code, [.string($0.region), .string($0.name)]) }
            epcis = data.epcis.map { ($0.siren, [.string($0.name), .string($0.kind.rawValue)]) }
            communes = data.communes.map { c in
                let area = c.geometry.map { Measure.areaKm2($0) }
                let centre = c.geometry.flatMap { Measure.centroid($0) }
                func round(_ v: Double?, _ digits: Double) -> TableSync.Value {
                    v.map { .double(($0 * digits).rounded() / digits) } ?? .null
                }
                return (
                    c.code,
                    [
                        .string(c.departement), c.epci.map { .string($0) } ?? .null, .string(c.name),
                        .string(SearchText.normalise(c.name)), c.population.map { .int($0) } ?? .null,
                        round(area, 1000), round(centre?.x, 1_000_000), round(centre?.y, 1_000_000),
                    ]
                )
            }
            aliases = data.aliases.map {
                ("\($0.kind.rawValue):\($0.code)", [.string($0.commune), .string($0.code), .string($0.kind.rawValue), .string($0.name)])
            }
            postalCodes = data.postalCodes.map { ("\($0.postal):\($0.commune)", [.string($0.commune), .string($0.postal)]) }
        }
    }

    static let regionSync = TableSync(table: Region.schema, key: "code", columns: [("name", .string), ("overseas", .bool)])
    static let departementSync = TableSync(table: Departement.schema, key: "code", columns: [("region_code", .string), ("name", .string)])
    static let epciSync = TableSync(table: Epci.schema, key: "siren", columns: [("name", .string), ("kind", .string)])
    static let communeSync = TableSync(
        table: Commune.schema, key: "code",
        columns: [
            ("departement_code", .string), ("epci_siren", .string), ("name", .string), ("search_name", .string),
            ("population", .int), ("area_km2", .double), ("centroid_lon", .double), ("centroid_lat", .double),
        ])
    static let aliasSync = TableSync(
        table: CommuneAlias.schema, key: "key",
        columns: [
            ("commune_code", .string), ("code", .string), ("kind", .string), ("name", .string),
        ])

    static let postalCodeSync = TableSync(
        table: CommunePostalCode.schema, key: "key",
        columns: [
            ("commune_code", .string), ("postal_code", .string),
        ])

    static func write(
        _ rows: Rows, outlines: OutlineBuilder.Result, on sql: any SQLDatabase, database: any Database,
        say: @escaping @Sendable (String) -> Void
    ) async throws -> Int {
        var changes = 0
        // Parents first for inserts and updates…
        let (r, currentRegions) = try await regionSync.upsert(rows.regions, on: sql)
        let (d, currentDepartements) = try await departementSync.upsert(rows.departements, on: sql)
        let (e, currentEpcis) = try await epciSync.upsert(rows.epcis, on: sql)
        let (c, currentCommunes) = try await communeSync.upsert(rows.communes, on: sql)
        let (a, currentAliases) = try await aliasSync.upsert(rows.aliases, on: sql)
        let (p, currentPostalCodes) = try await postalCodeSync.upsert(rows.postalCodes, on: sql)
        for (name, counts) in [("régions", r), ("départements", d), ("EPCI", e), ("communes", c), ("alias", a), ("codes postaux", p)] {
            say("  \(name) : \(counts.inserted) ajout(s), \(counts.updated) modification(s)")
            changes += counts.total
        }
        // …children first for deletions.
        changes += try await postalCodeSync.deleteMissing(keeping: Set(rows.postalCodes.map(\.key)), from: currentPostalCodes, on: sql)
        changes += try await aliasSync.deleteMissing(keeping: Set(rows.aliases.map(\.key)), from: currentAliases, on: sql)
        changes += try await communeSync.deleteMissing(keeping: Set(rows.communes.map(\.key)), from: currentCommunes, on: sql)
        changes += try await epciSync.deleteMissing(keeping: Set(rows.epcis.map(\.key)), from: currentEpcis, on: sql)
        changes += try await departementSync.deleteMissing(keeping: Set(rows.departements.map(\.key)), from: currentDepartements, on: sql)
        changes += try await regionSync.deleteMissing(keeping: Set(rows.regions.map(\.key)), from: currentRegions, on: sql)

        // Outlines are derived data: replaced wholesale.
        try await sql.delete(from: Outline.schema).run()
        var stored: [Outline] = []
        for (level, shapes) in [(Outline.Level.region, outlines.regions), (.departement, outlines.departements), (.epci, outlines.epcis)] {
            for (code, details) in shapes {
                for (detail, shape) in details { stored.append(Outline(level: level, code: code, detail: detail, shape: shape)) }
            }
        }
        try await OutlineStore.insert(stored, on: sql)
        let territories = try await TerritoryOutlines.recomputeAll(on: database)
        say("  contours enregistrés : \(stored.count) (+ \(territories) pour les territoires d’industrie)")
        return changes
    }
}
