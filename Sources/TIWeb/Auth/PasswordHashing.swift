import NIOCore
import NIOPosix
import Vapor

/// bcrypt on its own threads, a bounded number at a time. bcrypt is deliberately slow (about a
/// quarter of a second at cost 12); run on the application's thread pool it would starve the
/// SQLite driver, which uses the same pool, and a burst of sign-ins would take the site down.
/// Here at most `threads` hashes run at once, at most `maxWaiting` wait, and the rest are
/// refused at once (429 with `Retry-After`) rather than queued without end. No database
/// connection is held while hashing.
final class PasswordHashing: Sendable {
    let pool: NIOThreadPool
    let gate: Gate
    let cost: Int

    init(threads: Int = max(1, System.coreCount), maxWaiting: Int = 32, cost: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        gate = Gate(capacity: threads + maxWaiting)
        self.cost = cost
    }

    struct Saturated: Error {}

    /// Verifies a password against a bcrypt hash; throws `Saturated` when too many are waiting.
    func verify(_ password: String, created hash: String, on eventLoop: any EventLoop) async throws -> Bool {
        try await run(on: eventLoop) { try Bcrypt.verify(password, created: hash) }
    }

    func hash(_ password: String, on eventLoop: any EventLoop) async throws -> String {
        try await run(on: eventLoop) { [cost] in try Bcrypt.hash(password, cost: cost) }
    }

    private func run<T: Sendable>(on eventLoop: any EventLoop, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard await gate.enter() else { throw Saturated() }
        defer { Task { await gate.leave() } }
        return try await pool.runIfActive(eventLoop: eventLoop, work).get()
    }

    func shutdown() { try? pool.syncShutdownGracefully() }

    /// Counts work in progress or waiting, up to a capacity.
    actor Gate {
        let capacity: Int
        private var inside = 0
        init(capacity: Int) { self.capacity = capacity }
        func enter() -> Bool {
            guard inside < capacity else { return false }
            inside += 1
            return true
        }
        func leave() { inside -= 1 }
    }
}

extension Application {
    private struct PasswordHashingKey: StorageKey { typealias Value = PasswordHashing }

    var passwordHashing: PasswordHashing {
        get { storage[PasswordHashingKey.self]! }
        set { storage[PasswordHashingKey.self] = newValue }
    }
}

extension AppError {
    static let saturated = AppError(
        .tooManyRequests, code: "service_sature",
        "Le service reçoit trop de demandes de connexion en ce moment : réessayez dans quelques secondes.")
}
