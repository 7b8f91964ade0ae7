import Foundation
import TIDomain

/// One application of the demonstration, before it meets the database.
struct DemoApp {
    var region: String
    var commune: String
    var territory: String?
    var fragile: Bool
    var name: String
    var siren: String
    var carrier: CarrierKind = .company
    var size: CompanySize?
    var sector: Sector?
    var title: String
    var description: String
    var stakesKnown = true
    var stakes: Set<Stake> = []
    var skills: Set<SkillsCategory> = []
    var ecological: Set<EcologicalCategory> = []
    var investment: Int64 = 0  // euros
    var aid: Int64 = 0  // euros, State + Région
    var aidRegion: Int64 = 0  // euros
    var jobs = 0
    var jobsMaintained = 0
    var relocatedJobs: Int?
    var trainingPlaces: Int?
    var collaborative = false
    var partners: [Partner] = []
    var state: ApplicationState = .laureate
    var call = 0  // 0 main 2020-2021, 1 collaborative 2021, 2 current call
    var submitted: CivilDate
    var decided: CivilDate?
    var followUp: (jobs: Int, investment: Int64)?
    /// Jobs forecast by the end of 2023 (the 2020-2021 calls' horizon).
    var jobsBy2023: Int?
    var pinnedInvestment = false
    var pinnedAid = false
    var pinnedJobs = false
    var stateKey: Bool?  // in-committee applications with the State's key already given
    var regime: String?  // when not the call's
}

enum DemoApplicationPlan {
    struct Named {
        var name: String, commune: String, territory: String?, size: CompanySize, sector: Sector, description: String
        var jobs: Int, maintained: Int, stakes: Set<Stake>, ecological: Set<EcologicalCategory>, skills: Set<SkillsCategory>
        var fragile: Bool, investment: Int64? = nil, aid: Int64? = nil
        /// The aid regime when not the call's (an aid above the temporary framework's ceiling).
        var regime: String? = nil
    }

    /// The laureates the report's annex names, with their real commune, TI, size, sector and jobs.
    static let named: [Named] = [
        .init(
            name: "MECALAC", commune: "74010", territory: "TI-GRAND-ANNECY", size: .eti, sector: .mecanique,
            description:
                "Fabricant de machines de construction depuis 1974, MECALAC développe sa gamme de produits, modernise son site (usine 4.0) et relocalise une partie de sa production. 34 emplois seront créés d’ici 2025.",
            jobs: 34, maintained: 250, stakes: [.relocation], ecological: [], skills: [], fragile: false),
        .init(
            name: "Laboratoire Icare", commune: "63322", territory: "TI-RIOM-VICHY", size: .pme, sector: .industriesSante,
            description:
                "Leader de la sécurité des dispositifs médicaux, l’entreprise développe ses capacités de production et de contrôle qualité tout en réduisant de 30 % la consommation énergétique du site.",
            jobs: 50, maintained: 120, stakes: [.ecological], ecological: [.optimisation], skills: [], fragile: false),
        .init(
            name: "Atelier Haute Lunetterie Bourgeat", commune: "39368", territory: "TI-HAUT-JURA", size: .pme, sector: .modeLuxe,
            description:
                "Relance de la production industrielle de lunettes optiques et solaires 100 % Made in Jura, exemple de résilience industrielle fondée sur un savoir-faire territorial historique.",
            jobs: 6, maintained: 8, stakes: [.relocation], ecological: [], skills: [], fragile: true),
        .init(
            name: "PDG Plastiques", commune: "45191", territory: "TI-PITHIVIERS", size: .pme, sector: .plasturgie,
            description:
                "PME familiale d’emballages écoconçus en matières vierges, recyclées et biosourcées : capacités de production accrues, conditions de travail améliorées, empreinte écologique réduite.",
            jobs: 10, maintained: 60, stakes: [.ecological], ecological: [.biosourced], skills: [], fragile: true),
        .init(
            name: "Le Matelas 365", commune: "45229", territory: "TI-MONTARGIS-GIEN", size: .pme, sector: .bois,
            description:
                "Jeune spécialiste de l’hygiène de la literie, l’entreprise franchit un cap en fabricant en France ses produits Le Sommier Français®.",
            jobs: 15, maintained: 12, stakes: [.relocation], ecological: [], skills: [], fragile: true),
        .init(
            name: "Textile des Dunes", commune: "59580", territory: "TI-FLANDRE-ST-OMER", size: .pme, sector: .textile,
            description:
                "Spécialiste historique de la teinture, l’entreprise renforce sa présence dans la santé avec des produits plus délicats au contact de la peau et à faible empreinte écologique.",
            jobs: 10, maintained: 45, stakes: [.ecological], ecological: [.optimisation], skills: [], fragile: false),
        .init(
            name: "Auer", commune: "80308", territory: "TI-VALLEE-BRESLE", size: .eti, sector: .energie,
            description:
                "Spécialiste des pompes à chaleur, chauffe-eau et appareils de chauffage, la Société industrielle Auer relocalise la production de cuves d’eau chaude sanitaire en acier émaillé.",
            jobs: 20, maintained: 300, stakes: [.relocation], ecological: [], skills: [], fragile: true),
        .init(
            name: "Établissements Martinenq", commune: "77251", territory: "TI-EVRY-VILLAROCHE", size: .pme, sector: .autre,
            description:
                "Imprimeur familial créé en 1922, référent des arts graphiques : une ligne haute cadence « packaging / étui » et de nouvelles compétences pour les équipes.",
            jobs: 6, maintained: 40, stakes: [.skills], ecological: [], skills: [.inHouseTraining], fragile: false),
        .init(
            name: "Tryon", commune: "78123", territory: "TI-SEINE-AVAL", size: .pme, sector: .recyclage,
            description:
                "Biométhanisation des biodéchets à l’échelle locale : le projet « Modul’O Yvelines phase 2 » double la capacité de traitement de l’unité.",
            jobs: 8, maintained: 6, stakes: [.ecological], ecological: [.circular], skills: [], fragile: true),
        .init(
            name: "Société industrielle de produits diélectriques (SIPD)", commune: "50099", territory: "TI-NORD-COTENTIN", size: .pme,
            sector: .electronique,
            description:
                "Fabricant de câbles de télécommunication depuis 1923, SIPD s’équipe pour produire dès 2022 des câbles à fibres optiques et relocaliser des productions importées.",
            jobs: 16, maintained: 70, stakes: [.relocation], ecological: [], skills: [], fragile: true),
        .init(
            name: "La Ferté Couture", commune: "61168", territory: "TI-COLLINES-NORMANDIE", size: .pme, sector: .modeLuxe,
            description:
                "Atelier de 70 couturières du luxe : un nouvel atelier sur une friche réhabilitée, avec un centre de formation interne.",
            jobs: 33, maintained: 70, stakes: [.skills], ecological: [], skills: [.inHouseTraining], fragile: true),
        .init(
            name: "Renaissance Textile", commune: "53054", territory: "TI-LAVAL-LOIRON", size: .pme, sector: .textile,
            description:
                "Entreprise à mission qui récupère et recycle des tissus en fin de vie pour l’habillement : le socle d’une filière textile française circulaire.",
            jobs: 17, maintained: 4, stakes: [.ecological], ecological: [.circular], skills: [], fragile: false),
        .init(
            name: "Fonderie d’art Macheret", commune: "72241", territory: "TI-LE-MANS-SARTHE", size: .pme, sector: .metallurgie,
            description:
                "Manufacture familiale de trophées, médailles et ornements architecturaux depuis 1982 : agrandissement du site de production.",
            jobs: 7, maintained: 19, stakes: [], ecological: [], skills: [], fragile: true),
        .init(
            name: "IES Labo", commune: "04143", territory: "TI-VALLEE-DURANCE", size: .pme, sector: .chimie,
            description: "Extraits de plantes pour la cosmétique naturelle : extension du site de production en Provence.",
            jobs: 5, maintained: 16, stakes: [], ecological: [], skills: [], fragile: true),
        .init(
            name: "Batteries Prod", commune: "84080", territory: "TI-AVIGNON", size: .pme, sector: .electronique,
            description: "Batteries lithium-ion de haute technologie sur mesure : nouvelle usine à Monteux et équipements automatisés.",
            jobs: 15, maintained: 18, stakes: [.ecological], ecological: [.hydrogen], skills: [], fragile: false),
        .init(
            name: "Piriou Réunion", commune: "97407", territory: "TI-LE-PORT", size: .eti, sector: .mer,
            description:
                "Nouveaux ateliers de réparation navale au Port Ouest, dans la perspective du dock flottant du Grand Port Maritime de La Réunion.",
            jobs: 30, maintained: 25, stakes: [], ecological: [], skills: [], fragile: true),
        .init(
            name: "Guyane Spiruline", commune: "97312", territory: "TI-KOUROU", size: .pme, sector: .industriesSante,
            description:
                "Premier site guyanais de production, de transformation et d’extraction des principes actifs de spiruline, à l’empreinte carbone très favorable.",
            jobs: 10, maintained: 2, stakes: [.ecological], ecological: [.biosourced], skills: [], fragile: true),
        .init(
            name: "K-Ryole", commune: "47310", territory: "TI-VAL-DE-GARONNE", size: .pme, sector: .automobile,
            description: "Remorques électriques : un nouveau site industriel de 4 500 m² sur la friche SEITA.",
            jobs: 30, maintained: 10, stakes: [.ecological], ecological: [.decarbonisation], skills: [], fragile: true),
        .init(
            name: "Vicky Foods", commune: "71204", territory: "TI-GRAND-CHALON", size: .ge, sector: .agroalimentaire,
            description:
                "Usine de viennoiseries et de pains sur 14 ha au site industriel clés en main SaôneOr ; 250 emplois nouveaux d’ici 2023.",
            jobs: 250, maintained: 0, stakes: [], ecological: [], skills: [], fragile: false, investment: 62_000_000, aid: 2_200_000,
            regime: DemoTargets.regionalAidRegime.id),
    ]

    static let carrierWords = [
        "Ateliers", "Industries", "Manufacture", "Fonderie", "Usinage", "Plasturgie", "Mécanique", "Textiles", "Conserverie",
        "Chaudronnerie",
        "Composites", "Laboratoires", "Emballages", "Menuiserie", "Forges", "Tôlerie", "Électronique", "Céramiques", "Verrerie",
        "Imprimerie",
    ]
    static let projectWords = [
        "Modernisation de la ligne de production", "Nouvelle unité de fabrication", "Extension du site industriel",
        "Robotisation de l’atelier",
        "Relocalisation d’une production", "Usine bas carbone", "Atelier de recyclage", "Montée en cadence",
        "Ligne d’assemblage automatisée",
        "Centre de formation interne", "Récupération de chaleur fatale", "Numérisation de la production",
    ]
    static let legalForms = ["SAS", "SAS", "SARL", "SA", "SAS", "SCOP"]
    static let nafBySector: [Sector: String] = [
        .aeronautique: "30.30Z", .agroalimentaire: "10.71A", .automobile: "29.32Z", .bois: "16.23Z", .chimie: "20.59Z",
        .construction: "23.61Z",
        .eau: "36.00Z", .electronique: "26.11Z", .energie: "27.11Z", .ferroviaire: "30.20Z", .industriesSante: "21.20Z", .mer: "30.11Z",
        .metallurgie: "24.10Z", .modeLuxe: "14.13Z", .numerique: "62.01Z", .plasturgie: "22.22Z", .recyclage: "38.32Z", .textile: "13.30Z",
        .mecanique: "25.62B", .autre: "32.99Z",
    ]
    static let sectorWeights: [(Sector, Double)] = [
        (.metallurgie, 14), (.mecanique, 13), (.agroalimentaire, 12), (.plasturgie, 8), (.chimie, 7), (.bois, 6), (.automobile, 5),
        (.aeronautique, 4), (.textile, 4), (.electronique, 5), (.energie, 3), (.industriesSante, 5), (.construction, 4), (.recyclage, 4),
        (.numerique, 2), (.mer, 2), (.modeLuxe, 2), (.ferroviaire, 1), (.eau, 1), (.autre, 3),
    ]
}
