import Foundation
import Logging
import TIWeb
import Vapor

/// The `ti` executable: detect the environment, bootstrap logging, configure, run the command.
/// A failing command prints its reason and exits with status 1.
@main
enum Entrypoint {
    static func main() async {
        do {
            var env = try Environment.detect()
            // JSON lines in production (or with LOG_FORMAT=json), Vapor's console format otherwise.
            let format = Environment.get("LOG_FORMAT") ?? (env == .production ? "json" : "text")
            if format == "json" {
                let level = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
                LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
            let app = try await Application.make(env)
            do {
                try await configure(app)
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        } catch {
            if !(error is CommandFailure) {
                FileHandle.standardError.write(Data("Erreur : \(error)\n".utf8))
            }
            exit(1)
        }
    }
}
