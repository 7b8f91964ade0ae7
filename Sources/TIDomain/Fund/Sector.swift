/// Industrial sectors (filières), following the strategic committees of the Conseil national de l'industrie.
public enum Sector: String, CaseIterable, Codable, Sendable {
    case aeronautique, agroalimentaire, automobile, bois, chimie, construction, eau, electronique, energie
    case ferroviaire
    case industriesSante = "industries_sante"
    case mer, metallurgie
    case modeLuxe = "mode_luxe"
    case numerique, plasturgie, recyclage, textile, mecanique, autre

    public var label: String {
        switch self {
        case .aeronautique: "Aéronautique"
        case .agroalimentaire: "Agroalimentaire"
        case .automobile: "Automobile"
        case .bois: "Bois"
        case .chimie: "Chimie et matériaux"
        case .construction: "Industries pour la construction"
        case .eau: "Eau"
        case .electronique: "Électronique"
        case .energie: "Nouveaux systèmes énergétiques"
        case .ferroviaire: "Ferroviaire"
        case .industriesSante: "Industries et technologies de santé"
        case .mer: "Industries de la mer"
        case .metallurgie: "Métallurgie"
        case .modeLuxe: "Mode et luxe"
        case .numerique: "Solutions industrie du futur et numérique"
        case .plasturgie: "Plasturgie et composites"
        case .recyclage: "Transformation et valorisation des déchets"
        case .textile: "Textile"
        case .mecanique: "Mécanique"
        case .autre: "Autre"
        }
    }
}
