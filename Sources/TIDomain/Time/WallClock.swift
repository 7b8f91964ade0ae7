import Foundation

/// Where "now" comes from. The application holds one (`app.clock`): the live clock in production,
/// a fixed one in tests. Nothing else reads the system time.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public var now: Date { read() }
    /// Seconds since 1970, as stored in `*_epoch` columns.
    public var epoch: Double { now.timeIntervalSince1970 }
    /// The civil date in Paris at this instant.
    public var today: CivilDate { CivilDate(parisDayOf: now) }

    /// A clock stopped at one instant.
    public static func fixed(_ instant: Date) -> WallClock { WallClock { instant } }

    /// A clock stopped at noon, Paris time, on a civil date.
    public static func fixed(_ day: CivilDate) -> WallClock { fixed(day.noonInParis) }
}

extension CivilDate {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    /// The civil date in Paris at an instant.
    public init(parisDayOf instant: Date) {
        let c = Calendar(identifier: .gregorian).dateComponents(in: Self.paris, from: instant)
        try! self.init(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Noon in Paris on this date.
    public var noonInParis: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.paris
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }
}
