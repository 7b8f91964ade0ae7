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
            try LoggingSystem.bootstrap(from: &env)
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
