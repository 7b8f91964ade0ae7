import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti purge --dry-run | --apply [--years N]`: lists, then deletes, the attachments and personal
/// data of files closed without aid (rejected, inadmissible, withdrawn) whose retention period —
/// `TI_RETENTION_YEARS`, 5 years after closure by default — has run out (`RetentionService`).
struct PurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Liste ce qui serait supprimé, sans rien supprimer.")
        var dryRun: Bool
        @Flag(name: "apply", help: "Supprime, dossier par dossier, et l’inscrit au journal d’audit.")
        var apply: Bool
        @Option(name: "years", help: "Durée de conservation en années après la clôture (TI_RETENTION_YEARS, 5 par défaut).")
        var years: Int?
    }

    var help: String {
        "Supprime les pièces et données personnelles des dossiers rejetés, irrecevables ou retirés, passé la durée de conservation."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let say = { (s: String) in context.console.output(s.consoleText()) }
        let fail = { (s: String) -> CommandFailure in
            context.console.output(s.consoleText(.error))
            return CommandFailure()
        }
        guard signature.dryRun != signature.apply else {
            throw fail("Choisissez : ti purge --dry-run (liste ce qui serait supprimé) ou ti purge --apply (supprime).")
        }
        let app = context.application
        let configured = Environment.get("TI_RETENTION_YEARS")
        guard let years = signature.years ?? (configured.map { Int($0) } ?? RetentionPolicy.defaultYears) else {
            throw fail("TI_RETENTION_YEARS doit être un nombre d’années (lu : « \(configured ?? "") »).")
        }
        let policy: RetentionPolicy
        do { policy = try RetentionPolicy(years: years) } catch { throw fail(error.message) }
        try await app.autoMigrate()
        _ = try await Self.execute(app, policy: policy, apply: signature.apply, say: say)
    }

    /// Lists what is due and, with `apply`, purges it file by file; returns how many were purged.
    static func execute(_ app: Application, policy: RetentionPolicy, apply: Bool, say: (String) -> Void) async throws -> Int {
        let today = app.clock.today
        let due = try await RetentionService.due(policy, today: today, on: app.db)
        say("Conservation : \(policy.years) ans après la clôture (rejet, irrecevabilité, retrait). Date du jour : \(today.french).")
        guard !due.isEmpty else {
            say("Aucun dossier dont la durée de conservation est échue.")
            return 0
        }
        say(Self.table(due))
        let files = due.reduce(0) { $0 + $1.attachments }
        let bytes = due.reduce(0) { $0 + $1.attachmentBytes }
        let totals =
            "\(Components.plural(due.count, "dossier", "dossiers")), \(Components.plural(files, "pièce", "pièces")) (\(Self.size(bytes)))"
        guard apply else {
            say("Simulation : \(totals) seraient purgés ; rien n’a été supprimé. Relancez avec --apply pour supprimer.")
            return 0
        }
        var purged = 0
        for (i, candidate) in due.enumerated() {
            let actor = AuditLog.Actor.system(at: app.clock.now)
            guard let keys = try await RetentionService.purge(candidate, policy: policy, by: actor, on: app.db) else {
                say("[\(i + 1)/\(due.count)] \(candidate.reference) : plus concerné (rouvert ou déjà purgé), laissé tel quel.")
                continue
            }
            for key in keys { try? await app.fileStorage.delete(key) }  // once the transaction is committed
            purged += 1
            say(
                "[\(i + 1)/\(due.count)] \(candidate.reference) : \(Components.plural(keys.count, "pièce supprimée", "pièces supprimées"))."
            )
        }
        say(
            "Purge terminée : \(Components.plural(purged, "dossier purgé", "dossiers purgés")) sur \(due.count), inscrits au journal d’audit."
        )
        return purged
    }

    static func table(_ due: [RetentionService.Candidate]) -> String {
        let header = ["Dossier", "État", "Clos le", "Purgeable depuis", "Pièces", "Taille", "Messages"]
        let rows = due.map {
            [
                $0.reference, $0.state.label, $0.closedOn.french, $0.dueOn.french, String($0.attachments), size($0.attachmentBytes),
                String($0.messages),
            ]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1_048_576
            ? "\(FrenchNumber.grouped((bytes + 1023) / 1024)) ko" : FrenchNumber.decimal(Double(bytes) / 1_048_576, digits: 1) + " Mo"
    }
}
