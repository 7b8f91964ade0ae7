import NIOConcurrencyHelpers
import Vapor

/// Work repeated every `interval` seconds while the server runs (`ti serve` only: never in tests
/// nor in other commands), stopped at shutdown after its current round: the webhook deliveries,
/// the audit chain's links.
final class ServeLoop: LifecycleHandler, Sendable {
    let interval: Double
    /// Makes one round's work for this application (once, at boot).
    let make: @Sendable (Application) -> @Sendable () async -> Void
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: Double, _ make: @escaping @Sendable (Application) -> @Sendable () async -> Void) {
        self.interval = interval
        self.make = make
    }

    func didBootAsync(_ application: Application) async throws {
        let arguments = application.environment.arguments.dropFirst()
        let serving = arguments.first.map { $0 == "serve" || $0.hasPrefix("-") } ?? true
        guard serving, application.environment != .testing else { return }
        let round = make(application)
        let interval = interval
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    await round()
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { value in
            defer { value = nil }
            return value
        }
        running?.cancel()
        await running?.value
    }
}
