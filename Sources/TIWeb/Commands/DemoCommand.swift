import Foundation
import TIDomain
import TIPersistence
import Vapor

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
