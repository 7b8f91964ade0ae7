import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti import grants FILE.csv`
struct ImportGrantsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Fichier CSV au format SCDL « subventions » (séparateur virgule ou point-virgule).")
        var file: String
    }

    var help: String {
        "Importe les subventions qu’un autre financeur publie au format SCDL, rattachées aux dossiers lauréats. Rien n’est importé si une ligne est invalide ; réimporter le même fichier ne change rien."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await runImport(signature.file, context) { csv in
            let s = try await GrantImport.importFile(csv, by: .system(at: app.clock.now), on: app.db)
            context.console.output(
                "Import terminé : \(s.created) cofinancement(s) ajouté(s), \(s.updated) modifié(s), \(s.unchanged) inchangé(s)."
                    .consoleText())
        }
    }
}
