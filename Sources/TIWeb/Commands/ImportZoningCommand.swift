import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti import zoning --kind qpv|afr|zrr|acv FILE.csv`
struct ImportZoningCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "kind", help: "Nature du zonage : qpv, afr, zrr ou acv.")
        var kind: String?
        @Argument(name: "file", help: "Fichier CSV avec une colonne code_insee.")
        var file: String
    }

    var help: String { "Remplace la liste officielle d’un zonage (QPV, AFR, ZRR, ACV). Rien n’est importé si une ligne est invalide." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let rawKind = signature.kind else {
            context.console.output("Précisez la nature du zonage : --kind qpv|afr|zrr|acv".consoleText(.error))
            throw CommandFailure()
        }
        let kind: ZoningKind
        do { kind = try ZoningKind(validating: rawKind) } catch {
            context.console.output(error.message.consoleText(.error))
            throw CommandFailure()
        }
        try await app.autoMigrate()
        try await runImport(signature.file, context) { csv in
            _ = try await ZoningImporter.run(kind: kind, csv: csv, on: app.db, progress: printer(context))
        }
    }
}
