/// Who a programme partner is: the State, an operator, or the Régions (counted apart from the
/// national target).
public enum FunderKind: String, CaseIterable, Codable, Sendable {
    case state = "etat"
    case `operator` = "operateur"
    case region = "regions"

    public var label: String {
        switch self {
        case .state: "État"
        case .operator: "Opérateurs"
        case .region: "Régions"
        }
    }
}
