import Fluent
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti import territories FILE.csv`
struct ImportTerritoriesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Fichier CSV (séparateur virgule ou point-virgule), colonnes décrites dans le README.")
        var file: String

        @Flag(name: "if-empty", help: "N’importe que si aucun territoire n’est encore enregistré.")
        var ifEmpty: Bool
    }

    var help: String { "Importe le registre des Territoires d’industrie. Rien n’est importé si une ligne est invalide." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if signature.ifEmpty, try await Territory.query(on: app.db).count() > 0 {
            context.console.output("Des territoires sont déjà enregistrés : rien à faire.")
            return
        }
        try await runImport(signature.file, context) { csv in
            _ = try await TerritoryImporter.run(csv: csv, on: app.db, progress: printer(context))
        }
    }
}
