import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `ti user create --email … --role … [--region CODE] [--territory ID] [--organisation SIREN] [--partner CODE]`
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Adresse électronique (identifiant de connexion).")
        var email: String?
        @Option(name: "role", help: "admin, region, prefecture, reviewer, territory, partner, applicant ou viewer.")
        var role: String?
        @Option(name: "name", help: "Nom affiché (par défaut : l’adresse).")
        var name: String?
        @Option(name: "region", help: "Code(s) de région, séparés par des virgules (region, prefecture, reviewer).")
        var region: String?
        @Option(name: "territory", help: "Identifiant du territoire d’industrie (territory).")
        var territory: String?
        @Option(name: "organisation", help: "SIREN de l’organisation (applicant).")
        var organisation: String?
        @Option(name: "partner", help: "Code du partenaire (partner), par exemple ademe.")
        var partner: String?
        @Option(name: "password", help: "Mot de passe ; s’il est omis, un mot de passe fort est généré et affiché une fois.")
        var password: String?
    }

    var help: String { "Crée un compte (rôle et périmètre vérifiés)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard let email = signature.email, let role = signature.role else {
            context.console.output("Précisez --email et --role.".consoleText(.error))
            throw CommandFailure()
        }
        let generated = signature.password == nil
        let password = signature.password ?? Secret.generate().prefix(20) + "-Ti9"
        do { try PasswordPolicy.validate(String(password), email: email) } catch {
            context.console.output(error.message.consoleText(.error))
            throw CommandFailure()
        }
        let draft = UserAccounts.Draft(
            email: email, displayName: signature.name ?? email, role: role,
            regions: (signature.region ?? "").split(separator: ",").map(String.init),
            territory: signature.territory, organisation: signature.organisation,
            partner: signature.partner)
        do {
            let hash = try await app.password.async.hash(String(password))
            let user = try await UserAccounts.create(draft, passwordHash: hash, actor: .system(at: app.clock.now), on: app.db)
            context.console.output("Compte créé : \(user.email) (\(user.role.label)).".consoleText(.success))
            if generated { context.console.output("Mot de passe (affiché une seule fois) : \(password)") }
        } catch let rejected as AccountRejected {
            context.console.output(rejected.description.consoleText(.error))
            throw CommandFailure()
        }
    }
}
