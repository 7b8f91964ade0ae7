public enum IndicatorUnit: String, Codable, Sendable {
    case count, euros, jobs, places, share, persons

    public var label: String {
        switch self {
        case .count: "nombre"
        case .euros: "euros"
        case .jobs: "emplois"
        case .places: "places de formation"
        case .share: "part"
        case .persons: "personnes"
        }
    }
}
