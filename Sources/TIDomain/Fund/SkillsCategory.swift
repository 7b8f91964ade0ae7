public enum SkillsCategory: String, CaseIterable, Codable, Sendable {
    case ecoleProduction = "ecole_production"
    case cfa
    case poleExcellence = "pole_excellence"
    case inHouseTraining = "formation_interne"
    case academicPartnership = "partenariat_academique"

    public var label: String {
        switch self {
        case .ecoleProduction: "École de production"
        case .cfa: "Centre de formation d’apprentis"
        case .poleExcellence: "Pôle d’excellence"
        case .inHouseTraining: "Formation interne"
        case .academicPartnership: "Partenariat académique"
        }
    }
}
