/// A dimension along which an indicator can be broken down.
public enum Breakdown: String, CaseIterable, Sendable, Codable {
    case region, departement, territory
    case inTerritory = "in_territory"
    case fragile, size, sector, stake, skills, ecological, call
    case decisionMonth = "decision_month"

    public var label: String {
        switch self {
        case .region: "Région"
        case .departement: "Département"
        case .territory: "Territoire d’industrie"
        case .inTerritory: "Dans ou hors Territoire d’industrie"
        case .fragile: "Fragilité du territoire"
        case .size: "Taille de l’entreprise"
        case .sector: "Filière"
        case .stake: "Enjeu"
        case .skills: "Nature du projet de compétences"
        case .ecological: "Nature de la transition écologique"
        case .call: "Appel à projets"
        case .decisionMonth: "Mois de décision"
        }
    }

    /// A record may fall in several rows: rows overlap and must never be summed.
    public var isMultiLabel: Bool { self == .stake || self == .skills || self == .ecological }
}
