/// One automatic eligibility check, shown to the reviewer, who may override a failed one with a reason.
public struct EligibilityCheck: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var passed: Bool
    public var detail: String
}
