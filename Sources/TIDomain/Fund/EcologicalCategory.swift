public enum EcologicalCategory: String, CaseIterable, Codable, Sendable {
    case hydrogen = "hydrogene"
    case biosourced = "biosource"
    case optimisation, decarbonisation
    case circular = "economie_circulaire"

    public var label: String {
        switch self {
        case .hydrogen: "Hydrogène et énergies vertes"
        case .biosourced: "Produits biosourcés"
        case .optimisation: "Optimisation énergie, ressources, eau"
        case .decarbonisation: "Décarbonation"
        case .circular: "Recyclage et économie circulaire"
        }
    }
}
