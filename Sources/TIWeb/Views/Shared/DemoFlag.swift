import FluentKit
import TIDomain
import TIPersistence
import Vapor

/// Whether demonstration data is loaded, re-checked at most every 30 seconds.
actor DemoFlag {
    private var value = false
    private var checkedAt: ContinuousClock.Instant?

    func isDemo(on db: any Database) async throws -> Bool {
        let now = ContinuousClock.now
        if checkedAt.map({ now - $0 > .seconds(30) }) ?? true {
            value = try await UserAccounts.hasDemoAccounts(on: db)
            checkedAt = now
        }
        return value
    }
}

extension Application {
    private struct DemoFlagKey: StorageKey { typealias Value = DemoFlag }
    var demoFlag: DemoFlag {
        get { storage[DemoFlagKey.self]! }
        set { storage[DemoFlagKey.self] = newValue }
    }
}
