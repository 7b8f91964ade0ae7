import FluentSQL
import Foundation
import TIDomain

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
