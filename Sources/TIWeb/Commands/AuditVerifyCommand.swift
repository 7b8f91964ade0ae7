import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti audit verify`: recomputes the audit log's hash chain (`AuditChain`) and says whether it
/// holds; exits in error when it does not. Reads only.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Recalcule la chaîne d’empreintes du journal d’audit et signale tout événement modifié, supprimé ou ajouté." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let chain = try await AuditChain.verify(on: context.application.db)
        let summary =
            "\(Components.plural(chain.chained, "événement chaîné", "événements chaînés")), \(chain.pending) en attente de chaînage, dernier maillon \(chain.head ?? "—")."
        guard chain.problems.isEmpty else {
            context.console.output(
                ("Journal d’audit altéré : " + summary + "\n" + chain.problems.map { "  - \($0)" }.joined(separator: "\n"))
                    .consoleText(.error))
            throw CommandFailure()
        }
        context.console.output("Journal d’audit intact : \(summary)".consoleText())
    }
}
