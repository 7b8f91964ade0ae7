import Foundation
import TIDomain

/// A call for projects as pages show it.
public struct CallSummary: Sendable, Equatable {
    public var id: UUID
    public var title: String
    public var description: String
    public var rules: CallRules
    /// The aid regime's label and its ceiling per undertaking.
    public var regimeLabel: String
    public var ceiling: EuroCents
    /// The documents an application must carry before it is submitted.
    public var requiredDocuments: [String]

    public init(
        id: UUID, title: String, description: String, rules: CallRules, regimeLabel: String, ceiling: EuroCents,
        requiredDocuments: [String] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rules = rules
        self.regimeLabel = regimeLabel
        self.ceiling = ceiling
        self.requiredDocuments = requiredDocuments
    }
}
