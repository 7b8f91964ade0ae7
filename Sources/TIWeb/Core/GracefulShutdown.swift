import Vapor

/// Stops serving before anything the requests use is torn down.
///
/// On SIGTERM, Vapor shuts the application's lifecycle handlers down (Fluent's databases among
/// them) *before* its HTTP server: requests still running then reached for a database that was
/// gone, and the process trapped instead of exiting (a crash on every rolling restart under load).
/// Registered after the databases, this handler runs first: it closes the listening socket, lets
/// each open connection finish the request it is serving (Vapor's quiescing, up to its shutdown
/// timeout), then waits for the handlers still running to finish (up to `drainTimeout`).
struct GracefulShutdown: LifecycleHandler {
    var drainTimeout: Duration = .seconds(10)

    func shutdownAsync(_ application: Application) async {
        guard application.running != nil else { return }  // a command, not `serve`: nothing to drain
        application.logger.notice("Arrêt demandé : plus de nouvelles connexions, fin des requêtes en cours.")
        await application.server.shutdown()
        let deadline = ContinuousClock.now + drainTimeout
        while application.metrics.inFlight > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let left = application.metrics.inFlight
        if left > 0 { application.logger.warning("Arrêt : \(left) requête(s) encore en cours après \(drainTimeout).") }
    }
}
