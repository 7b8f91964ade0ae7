/// The Région's review of an action. The territory's every edit asks for it again; only validated
/// actions are public.
public enum ActionValidation: String, CaseIterable, Codable, Sendable {
    case pending = "a_valider"
    case validated = "validee"
    case returned = "renvoyee"

    public var label: String {
        switch self {
        case .pending: "À valider"
        case .validated: "Validée"
        case .returned: "Renvoyée au territoire"
        }
    }

    /// A DSFR badge kind.
    public var badge: String {
        switch self {
        case .pending: "new"
        case .validated: "success"
        case .returned: "warning"
        }
    }
}
