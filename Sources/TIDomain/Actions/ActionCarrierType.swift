/// Who carries an action: a public body, a private one, or both.
public enum ActionCarrierType: String, CaseIterable, Codable, Sendable {
    case publicBody = "public"
    case privateBody = "prive"
    case mixed = "mixte"

    public var label: String {
        switch self {
        case .publicBody: "Public"
        case .privateBody: "Privé"
        case .mixed: "Mixte"
        }
    }
}
