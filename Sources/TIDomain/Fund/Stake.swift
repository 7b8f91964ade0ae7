/// The stakes a project carries (several may apply), with their sub-categories.
public enum Stake: String, CaseIterable, Codable, Sendable {
    case relocation, skills, ecological

    public var label: String {
        switch self {
        case .relocation: "(Re)localisation"
        case .skills: "Formation et compétences"
        case .ecological: "Transition écologique"
        }
    }
}
