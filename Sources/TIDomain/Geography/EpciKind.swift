/// The legal kind of an intercommunality (EPCI à fiscalité propre).
public enum EpciKind: String, CaseIterable, Codable, Sendable {
    case cc = "CC"
    case ca = "CA"
    case cu = "CU"
    case metropole = "ME"

    public var label: String {
        switch self {
        case .cc: "Communauté de communes"
        case .ca: "Communauté d’agglomération"
        case .cu: "Communauté urbaine"
        case .metropole: "Métropole"
        }
    }
}
