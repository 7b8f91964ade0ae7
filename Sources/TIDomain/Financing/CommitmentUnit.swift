/// What a partner's commitment is counted in: euros, or the instrument's own unit.
public enum CommitmentUnit: String, CaseIterable, Codable, Sendable {
    case euros
    case coaches = "coachs"
    case territories = "territoires"
    case studies = "etudes"
    case reviews = "bilans"
    case workshops = "ateliers"
    case people = "personnes_formees"
    case consultantDays = "jours_consultant"
    case projects = "projets"
    case contracts = "contrats"
    case schools = "ecoles"
    case antennas = "antennes"

    /// « 38 coachs internationaux » — the noun after a count.
    public func label(_ n: Int) -> String {
        let plural = n > 1
        return switch self {
        case .euros: "€"
        case .coaches: plural ? "coachs" : "coach"
        case .territories: plural ? "territoires" : "territoire"
        case .studies: plural ? "études" : "étude"
        case .reviews: plural ? "bilans" : "bilan"
        case .workshops: plural ? "ateliers et événements" : "atelier ou événement"
        case .people: plural ? "personnes formées" : "personne formée"
        case .consultantDays: plural ? "jours de consultant" : "jour de consultant"
        case .projects: plural ? "projets" : "projet"
        case .contracts: plural ? "contrats signés" : "contrat signé"
        case .schools: plural ? "écoles" : "école"
        case .antennas: plural ? "antennes" : "antenne"
        }
    }
}
