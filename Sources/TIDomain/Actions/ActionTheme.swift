/// What an action is about; an action has one or more themes.
public enum ActionTheme: String, CaseIterable, Codable, Sendable {
    case skills = "competences"
    case land = "foncier"
    case mobility = "mobilite"
    case attractiveness = "attractivite"
    case ecological = "transition_ecologique"
    case innovation
    case recruitment = "recrutement"
    case other = "autre"

    public var label: String {
        switch self {
        case .skills: "Compétences et formation"
        case .land: "Foncier et friches"
        case .mobility: "Mobilité"
        case .attractiveness: "Attractivité"
        case .ecological: "Transition écologique"
        case .innovation: "Innovation"
        case .recruitment: "Recrutement"
        case .other: "Autre"
        }
    }
}
