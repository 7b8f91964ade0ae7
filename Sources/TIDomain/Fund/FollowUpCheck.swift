/// A declared follow-up far beyond the plan is probably a typing error (an extra zero): the
/// applicant confirms it, and staff see it flagged. Figures stay as declared.
public enum FollowUpCheck {
    /// Why the figures are unusual, in French, or nil. Beyond three times the planned jobs (and ten
    /// more), or twice the planned investment.
    public static func unusual(jobs: Int, plannedJobs: Int?, investment: EuroCents, plannedInvestment: EuroCents) -> String? {
        var reasons: [String] = []
        if let planned = plannedJobs, jobs > max(planned.multipliedReportingOverflow(by: 3).overflow ? .max : planned * 3, planned +| 10) {
            reasons.append("\(jobs) emplois créés déclarés pour \(planned) prévus")
        }
        if plannedInvestment > .zero, investment > plannedInvestment + plannedInvestment {
            reasons.append("\(investment.formatted) investis pour \(plannedInvestment.formatted) prévus")
        }
        return reasons.isEmpty ? nil : "Au-delà du prévu : " + reasons.joined(separator: " ; ") + "."
    }
}
