import FluentSQL
import Foundation
import TIDomain

/// `ti import territories FILE.csv`: validates the whole file first; imports nothing if any line is
/// invalid. The territories of the file are created or replaced (attributes and member EPCI);
/// territories absent from the file are left as they are.
public enum TerritoryImporter {
    public struct Report: Sendable {
        public var created = 0
        public var updated = 0
        public var memberships = 0
    }

    public static func run(csv: String, on database: any Database, progress: @escaping @Sendable (String) -> Void) async throws -> Report {
        let clock = Stopwatch()
        let (file, lookup) = try await ImportInput.read(csv, on: database)
        progress(clock.line("validation de \(file.records.count) ligne(s)"))
        let lookups = TerritoryImport.Lookups(
            isKnownEpci: { lookup.epcis.contains($0.rawValue) },
            epciOfCommune: { code in
                guard let commune = lookup.commune(for: code) else { return .none }
                return .some(lookup.communeEpci[commune.rawValue]!.flatMap { Siren($0) })
            })
        let territories = try TerritoryImport.validate(file, lookups: lookups).get()
        progress(clock.line("\(territories.count) territoire(s) valides, écriture"))

        let report = try await database.transaction { db in
            var report = Report()
            // EPCI that move from a TI outside the file to one inside it are released first.
            let movingEpcis = territories.flatMap { $0.epcis.map(\.rawValue) }
            let ids = territories.map(\.profile.id.rawValue)
            if !movingEpcis.isEmpty {
                try await TerritoryEpci.query(on: db).filter(\.$epci.$id ~~ movingEpcis).delete()
            }
            try await TerritoryEpci.query(on: db).filter(\.$territory.$id ~~ ids).delete()
            for territory in territories {
                let existing = try await Territory.find(territory.profile.id.rawValue, on: db)
                let model = existing ?? Territory()
                model.apply(territory.profile)
                if existing == nil {
                    try await model.create(on: db)
                    report.created += 1
                } else {
                    try await model.save(on: db)
                    report.updated += 1
                }
                for epci in territory.epcis {
                    try await TerritoryEpci(territoryID: territory.profile.id.rawValue, epciSiren: epci.rawValue).create(on: db)
                    report.memberships += 1
                }
            }
            try await TerritoryOutlines.recomputeAll(on: db)
            try await WriteTransaction.bumpDataVersion(on: db)
            return report
        }
        progress(
            clock.line(
                "terminé : \(report.created) créé(s), \(report.updated) mis à jour, \(report.memberships) EPCI membres ; contours recalculés"
            ))
        return report
    }
}

/// `ti import zoning --kind KIND FILE.csv`: replaces the official list of one zoning.
public enum ZoningImporter {
    public struct Report: Sendable {
        public var communes = 0
        public var replaced = 0
    }

    public static func run(kind: ZoningKind, csv: String, on database: any Database, progress: @escaping @Sendable (String) -> Void)
        async throws -> Report
    {
        let clock = Stopwatch()
        let (file, lookup) = try await ImportInput.read(csv, on: database)
        progress(clock.line("validation de \(file.records.count) ligne(s) (\(kind.label))"))
        let communes = try ZoningImport.validate(file, resolve: lookup.commune(for:)).get()
        let report = try await database.transaction { db in
            var report = Report()
            let existing = try await CommuneZoning.query(on: db).filter(\.$kind == kind).count()
            try await CommuneZoning.query(on: db).filter(\.$kind == kind).delete()
            report.replaced = existing
            let sql = db as! any SQLDatabase
            let sorted = communes.sorted()
            var start = 0
            while start < sorted.count {
                let insert = sql.insert(into: CommuneZoning.schema).columns("id", "commune_code", "kind", "source")
                for code in sorted[start..<min(start + 800, sorted.count)] {
                    insert.values([
                        SQLBind(UUID()), SQLBind(code.rawValue), SQLBind(kind.rawValue), SQLBind(ZoningSource.official.rawValue),
                    ])
                }
                try await insert.run()
                start += 800
            }
            report.communes = sorted.count
            try await WriteTransaction.bumpDataVersion(on: db)
            return report
        }
        progress(
            clock.line(
                "terminé : \(report.communes) commune(s) en \(kind.label) (liste officielle ; \(report.replaced) entrée(s) remplacée(s))"))
        return report
    }
}

/// What every registry import starts with: the file parsed, the geography loaded.
enum ImportInput {
    static func read(_ csv: String, on database: any Database) async throws -> (DelimitedText, GeoLookup) {
        let file: DelimitedText
        do { file = try DelimitedText(parsing: csv) } catch { throw ImportRejected([ImportIssue(line: 1, message: error.message)]) }
        let lookup = try await GeoLookup.load(on: database)
        guard !lookup.isEmpty else {
            throw ImportRejected([ImportIssue(line: 1, message: "la géographie n’est pas importée : lancez d’abord « ti import geo »")])
        }
        return (file, lookup)
    }
}
