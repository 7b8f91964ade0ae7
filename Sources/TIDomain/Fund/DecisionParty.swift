/// The two parties whose agreement makes a laureate.
public enum DecisionParty: String, CaseIterable, Codable, Sendable {
    case state, region

    public var label: String { self == .state ? "État (préfecture de région)" : "Région (conseil régional)" }

    /// The role that records this party's decision.
    public var role: Role { self == .state ? .prefecture : .region }

    public static func of(_ role: Role) -> DecisionParty? {
        switch role {
        case .prefecture: .state
        case .region: .region
        default: nil
        }
    }
}
