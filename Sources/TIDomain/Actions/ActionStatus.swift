/// Where an action stands; each change is dated.
public enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case idea = "idee"
    case preparing = "en_preparation"
    case inProgress = "en_cours"
    case done = "realisee"
    case abandoned = "abandonnee"

    public var label: String {
        switch self {
        case .idea: "Idée"
        case .preparing: "En préparation"
        case .inProgress: "En cours"
        case .done: "Réalisée"
        case .abandoned: "Abandonnée"
        }
    }
}
