/// Who carries the project.
public enum CarrierKind: String, CaseIterable, Codable, Sendable {
    case company, association, collective

    public var label: String {
        switch self {
        case .company: "Entreprise"
        case .association: "Association"
        case .collective: "Collectif d’entreprises"
        }
    }
}
