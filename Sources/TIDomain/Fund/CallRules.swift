/// What a call accepts.
public struct CallRules: Codable, Sendable, Equatable {
    public var opensOn: CivilDate
    public var closesOn: CivilDate
    public var carriers: Set<CarrierKind>
    public var sizes: Set<CompanySize>
    public var minimumInvestment: EuroCents
    /// The investment must start within this many months of the decision.
    public var startWithinMonths: Int
    /// Empty: every région.
    public var regions: Set<String>
    public var collaborative: Bool

    public init(
        opensOn: CivilDate, closesOn: CivilDate, carriers: Set<CarrierKind>, sizes: Set<CompanySize>,
        minimumInvestment: EuroCents, startWithinMonths: Int, regions: Set<String>, collaborative: Bool
    ) {
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.carriers = carriers
        self.sizes = sizes
        self.minimumInvestment = minimumInvestment
        self.startWithinMonths = startWithinMonths
        self.regions = regions
        self.collaborative = collaborative
    }

    public func isOpen(on date: CivilDate) -> Bool { opensOn <= date && date <= closesOn }

    /// The year by the end of which applicants forecast their jobs: two years after the call closes
    /// (the 2020-2021 calls: end 2023, the horizon of the published « 47 % of planned jobs »).
    public var jobsHorizonYear: Int { Self.jobsHorizonYear(closesOn: closesOn) }
    public static func jobsHorizonYear(closesOn: CivilDate) -> Int { closesOn.year + 2 }
}
