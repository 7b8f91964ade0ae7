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
