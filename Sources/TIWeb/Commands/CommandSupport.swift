import Foundation
import TIDomain
import Vapor

// What the commands share: progress printing, reading an import file.

/// Prints progress lines as they come.
func printer(_ context: CommandContext) -> @Sendable (String) -> Void {
    let console = context.console
    return { line in console.output(line.consoleText()) }
}

/// Reads an import file and runs the import; a rejected file prints every issue and fails.
func runImport(_ path: String, _ context: CommandContext, _ body: (String) async throws -> Void) async throws {
    let csv = try readText(path)
    do { try await body(csv) } catch let rejected as ImportRejected {
        context.console.output(rejected.description.consoleText(.error))
        throw CommandFailure()
    }
}

func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ConfigError("Fichier introuvable ou illisible : \(path)")
    }
    guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
        throw ConfigError("Le fichier \(path) n’est pas un texte lisible (UTF-8 attendu).")
    }
    return text
}
