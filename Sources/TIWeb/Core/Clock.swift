import Foundation
import TIDomain
import Vapor

extension WallClock {
    /// The system clock: the only place the application reads the time of day.
    public static let live = WallClock { Date() }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = WallClock }

    /// The application’s clock: live unless a test fixed it.
    public var clock: WallClock {
        get { storage[ClockKey.self] ?? .live }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: WallClock { application.clock }
}
