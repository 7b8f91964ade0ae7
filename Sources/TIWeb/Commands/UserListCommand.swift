import Fluent
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti user list`
struct UserListCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Liste les comptes : adresse, rôle, périmètre, état." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let users = try await TIPersistenceUser.query(on: app.db).sort(\.$role).sort(\.$email).all()
        if users.isEmpty { context.console.output("Aucun compte. Créez-en un avec « ti user create ».") }
        for u in users {
            let state = (u.active ? "actif" : "désactivé") + (u.isDemo ? ", démonstration" : "")
            context.console.output("\(u.email)\t\(u.role.rawValue)\t\(AdminUsersPage.scopeText(u.scope))\t\(state)")
        }
    }
}
