/// How long the attachments and personal data of a file that led to no aid are kept: `years`
/// after its closure (the day it was rejected, declared inadmissible or withdrawn), 5 by default
/// (`TI_RETENTION_YEARS`). The file itself stays, without them, so that the programme's figures
/// (files deposited, rejected) stay true at every date.
public struct RetentionPolicy: Sendable, Equatable {
    public static let defaultYears = 5
    public static let allowedYears = 1...30
    /// The states in which a file is closed without aid.
    public static let states: [ApplicationState] = [.rejected, .inadmissible, .withdrawn]

    public let years: Int

    public init(years: Int = defaultYears) throws(DomainError) {
        guard Self.allowedYears.contains(years) else {
            throw DomainError(
                "duree_conservation",
                "La durée de conservation est un nombre d’années entre \(Self.allowedYears.lowerBound) et \(Self.allowedYears.upperBound).")
        }
        self.years = years
    }

    /// The first day the file's data may be deleted.
    public func dueOn(closedOn: CivilDate) -> CivilDate { closedOn.adding(years: years) }

    public func isDue(state: ApplicationState, closedOn: CivilDate, today: CivilDate) -> Bool {
        Self.states.contains(state) && dueOn(closedOn: closedOn) <= today
    }
}

extension CivilDate {
    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CivilDate {
        let target = year + years
        let leap = (target % 4 == 0 && target % 100 != 0) || target % 400 == 0
        return try! CivilDate(year: target, month: month, day: month == 2 && day == 29 && !leap ? 28 : day)
    }
}
