/// Who carries the project.
public enum CarrierKind: String, CaseIterable, Codable, Sendable {
    case company, association, collective

    public var label: String {
        switch self {
        case .company: "Entreprise"
        case .association: "Association"
        case .collective: "Collectif d’entreprises"
        }
    }
}

public enum CompanySize: String, CaseIterable, Codable, Sendable {
    case tpe, pme, eti, ge

    public var label: String {
        switch self {
        case .tpe: "TPE"
        case .pme: "PME"
        case .eti: "ETI"
        case .ge: "Grande entreprise"
        }
    }

    public var isSmeOrMidcap: Bool { self == .pme || self == .eti }
}

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

/// The stakes a project carries (several may apply), with their sub-categories.
public enum Stake: String, CaseIterable, Codable, Sendable {
    case relocation, skills, ecological

    public var label: String {
        switch self {
        case .relocation: "(Re)localisation"
        case .skills: "Formation et compétences"
        case .ecological: "Transition écologique"
        }
    }
}

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

/// Planned investment by category, in cents.
public struct Investment: Codable, Sendable, Equatable {
    public var buildings: EuroCents
    public var equipment: EuroCents
    public var intangible: EuroCents
    public var other: EuroCents

    public init(buildings: EuroCents = .zero, equipment: EuroCents = .zero, intangible: EuroCents = .zero, other: EuroCents = .zero) {
        self.buildings = buildings
        self.equipment = equipment
        self.intangible = intangible
        self.other = other
    }

    public var total: EuroCents { buildings + equipment + intangible + other }

    public static let categories: [(key: String, label: String)] = [
        ("investissement_immobilier", "Immobilier et bâtiments"),
        ("investissement_equipement", "Équipements et machines"),
        ("investissement_immateriel", "Immatériel (logiciels, études, brevets)"),
        ("investissement_autre", "Autres dépenses"),
    ]
}

/// A partner company of a collaborative project.
public struct Partner: Codable, Sendable, Equatable {
    public var name: String
    public var siren: Siren

    public init(name: String, siren: Siren) {
        self.name = name
        self.siren = siren
    }
}

/// Application references: `FA-2021-84-00123` (year of submission, région, sequence).
public enum ApplicationReference {
    public static func make(year: Int, region: String, sequence: Int) -> String {
        let seq = String(sequence)
        return "FA-\(year)-\(region)-" + String(repeating: "0", count: max(0, 5 - seq.count)) + seq
    }
}
