import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti backup --output FILE`
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "Fichier de sauvegarde à créer (un manifeste FICHIER.manifest.json l’accompagne).")
        var output: String?
    }

    var help: String { "Sauvegarde cohérente de la base pendant que les serveurs écrivent (SQLite : VACUUM INTO ; PostgreSQL : pg_dump)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output, !output.isEmpty else {
            context.console.output("Indiquez le fichier : ti backup --output FICHIER".consoleText(.error))
            throw CommandFailure()
        }
        let start = ContinuousClock.now
        do {
            let manifest = try await DatabaseBackup.backup(context.application, to: output)
            let rows = manifest.tables.reduce(0) { $0 + $1.rows }
            context.console.output(
                "Sauvegarde \(manifest.engine) écrite dans \(output) : \(manifest.tables.count) tables, \(FrenchNumber.grouped(Int64(rows))) lignes, en \(FrenchNumber.decimal(start.secondsSince, digits: 1)) s."
                    .consoleText())
        } catch let failure as DatabaseBackup.Failure {
            context.console.output("Sauvegarde impossible : \(failure)".consoleText(.error))
            throw CommandFailure()
        }
    }
}

/// `ti restore FILE`
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Sauvegarde écrite par ti backup (avec son manifeste).")
        var file: String
    }

    var help: String { "Restaure une sauvegarde dans une base vide, puis vérifie chaque table et le journal d’audit." }

    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            let (manifest, restored) = try await DatabaseBackup.restore(context.application, from: signature.file)
            let problems = DatabaseBackup.differences(manifest, restored)
            guard problems.isEmpty else {
                context.console.output(
                    ("Restauration incomplète :\n" + problems.map { "  - \($0)" }.joined(separator: "\n")).consoleText(.error))
                throw CommandFailure()
            }
            let rows = restored.tables.reduce(0) { $0 + $1.rows }
            let chain = restored.chain
            context.console.output(
                """
                Restauration vérifiée : \(restored.tables.count) tables, \(FrenchNumber.grouped(Int64(rows))) lignes identiques au manifeste du \(manifest.createdAt).
                Journal d’audit intact : \(Components.plural(chain.chained, "événement chaîné", "événements chaînés")), \(chain.pending) en attente, dernier maillon \(chain.head.map { $0.prefix(16) + "…" } ?? "—").
                """
                .consoleText())
        } catch let failure as DatabaseBackup.Failure {
            context.console.output("Restauration impossible : \(failure)".consoleText(.error))
            throw CommandFailure()
        }
    }
}
