/// Why the reviewer sends an application back to the applicant.
public enum InformationReason: String, CaseIterable, Codable, Sendable {
    case incomplete, incorrect, outdated

    public var label: String {
        switch self {
        case .incomplete: "Dossier incomplet"
        case .incorrect: "Informations erronées"
        case .outdated: "Informations à mettre à jour"
        }
    }
}
