/// The programme's four strategic axes; each action serves one.
public enum ActionAxis: String, CaseIterable, Codable, Sendable {
    case attract = "attirer"
    case recruit = "recruter"
    case innovate = "innover"
    case simplify = "simplifier"

    public var label: String {
        switch self {
        case .attract: "Attirer"
        case .recruit: "Recruter"
        case .innovate: "Innover"
        case .simplify: "Simplifier"
        }
    }
}
