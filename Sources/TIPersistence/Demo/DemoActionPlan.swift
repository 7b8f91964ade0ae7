import Foundation
import TIDomain

/// The territories' action plans as the report of Sept. 2021 describes them (seed 003): 1 803
/// projects split by région as in its annex, one in two built for the programme, 4 Md€ of planned
/// investment, carried by public actors (55 %), private ones (31 %) or both (14 %). Each action
/// sits in a TI of one région, so that a région's plans count its own actions once. The demo
/// territory account's TI has three more awaiting the Région (two to validate, one sent back).
struct DemoActionPlan {
    struct Planned {
        var territory: TerritoryID
        var content: ActionContent
        var createdOn: CivilDate
        var validation: ActionValidation
        var reason: String?
    }

    static let total = 1803
    static let specific = 902  // « 1 projet sur 2 »
    static let carriers: [(ActionCarrierType, Int)] = [(.publicBody, 992), (.privateBody, 559), (.mixed, 252)]
    static let investmentEuros: Int64 = 4_000_000_000
    /// Actions whose planned investment is known (the others have none yet).
    static let investmentKnown = 1_442
    static let reportDate = try! CivilDate(parsing: "2021-09-24")
    static let plansFrom = try! CivilDate(parsing: "2019-03-01")
    static let reviewTerritory = "TI-GRAND-ANNECY"

    static let titles: [ActionTheme: [String]] = [
        .skills: ["École de production", "Campus des métiers et des qualifications", "Plateforme de formation aux métiers de l’industrie"],
        .land: ["Requalification d’une friche industrielle", "Extension de la zone d’activités", "Offre foncière prête à l’emploi"],
        .mobility: ["Navette domicile-travail des zones industrielles", "Plan de mobilité inter-entreprises"],
        .attractiveness: ["Marque industrielle du territoire", "Semaine de l’industrie et visites d’usines"],
        .ecological: ["Écologie industrielle et territoriale", "Récupération de chaleur fatale", "Mutualisation des déchets industriels"],
        .innovation: ["Plateforme d’innovation partagée", "Centre d’essais et de prototypage", "Accompagnement à l’industrie du futur"],
        .recruitment: ["Groupement d’employeurs pour l’insertion et la qualification", "Forum de l’emploi industriel"],
        .other: ["Guichet unique des entreprises", "Club des industriels"],
    ]
    static let themeWeights: [(ActionTheme, Double)] = [
        (.skills, 0.24), (.land, 0.15), (.mobility, 0.07), (.attractiveness, 0.14), (.ecological, 0.13), (.innovation, 0.13),
        (.recruitment, 0.11), (.other, 0.03),
    ]
    static let axisOf: [ActionTheme: ActionAxis] = [
        .skills: .recruit, .recruitment: .recruit, .land: .attract, .attractiveness: .attract, .mobility: .attract,
        .innovation: .innovate, .ecological: .innovate, .other: .simplify,
    ]

    static func make(_ territories: [DemoTerritoryPlan.Planned], seed: UInt64) throws -> [Planned] {
        var rng = SeededRandom(seed: seed)
        // How many actions each TI has: the région's figure shared among its single-région TI.
        var slots: [(territory: DemoTerritoryPlan.Planned, count: Int)] = []
        for row in DemoTargets.regions {
            let eligible = territories.filter {
                $0.regions.count == 1 && DemoGeography.group($0.regions.first!) == row.code && $0.profile.endDate == nil
            }
            guard !eligible.isEmpty else { throw DemoError("aucun territoire pour les plans d’actions de \(row.code)") }
            let counts = apportion(Int64(row.actionPlanProjects), weights: eligible.map { _ in 0.4 + rng.lognormal(0.5) })
            for (k, t) in eligible.enumerated() { slots.append((t, Int(counts[k]))) }
        }
        let n = slots.reduce(0) { $0 + $1.count }
        guard n == total else { throw DemoError("plans d’actions : \(n) actions au lieu de \(total)") }

        var carrier = carriers.flatMap { Array(repeating: $0.0, count: $0.1) }
        rng.shuffle(&carrier)
        var isSpecific = Array(repeating: true, count: specific) + Array(repeating: false, count: total - specific)
        rng.shuffle(&isSpecific)
        var known = Array(0..<total)
        rng.shuffle(&known)
        known = Array(known.prefix(investmentKnown))
        var investment = [EuroCents?](repeating: nil, count: total)
        for (k, euros) in apportion(investmentEuros, weights: known.map { _ in rng.lognormal(1.1) }).enumerated() {
            investment[known[k]] = EuroCents(euros: max(euros, 1))
        }

        var planned: [Planned] = []
        var i = 0
        let span = reportDate.days(since: plansFrom)
        for (t, count) in slots {
            for k in 0..<count {
                let theme = pickTheme(&rng)
                var themes: Set<ActionTheme> = [theme]
                if rng.unit() < 0.35 { themes.insert(pickTheme(&rng)) }
                let created = plansFrom.adding(days: Int(rng.next() % UInt64(span - 60)))
                let statusOn = created.adding(days: Int(rng.next() % UInt64(max(1, reportDate.days(since: created) - 1))))
                let roll = rng.unit()
                let status: ActionStatus =
                    roll < 0.2 ? .done : roll < 0.6 ? .inProgress : roll < 0.85 ? .preparing : roll < 0.95 ? .idea : .abandoned
                let content = ActionContent(
                    reference: "FA-\(k + 1)", title: "\(rng.pick(titles[theme]!)) — \(t.name)",
                    description: "Projet élaboré par le binôme élu-industriel de \(t.name). (Action de démonstration.)",
                    axis: axisOf[theme]!, themes: themes, carrierType: carrier[i],
                    carrierName: carrier[i] == .privateBody ? "Entreprises du territoire" : "Intercommunalité de \(t.name)",
                    plannedInvestment: investment[i], status: status, statusOn: status == .idea ? created : statusOn,
                    specific: isSpecific[i])
                planned.append(Planned(territory: TerritoryID(t.id)!, content: content, createdOn: created, validation: .validated))
                i += 1
            }
            if t.id == reviewTerritory {
                for (k, (title, validation)) in [
                    ("Navette domicile-travail de la zone des Glaisins", ActionValidation.pending),
                    ("Plateforme de formation aux métiers de la mécatronique", .pending),
                    ("Requalification de la friche de Cran-Gevrier", .returned),
                ].enumerated() {
                    let content = ActionContent(
                        reference: "FA-\(count + k + 1)", title: title,
                        description: "Proposée par le binôme, en attente de la Région. (Action de démonstration.)",
                        axis: k == 0 ? .attract : k == 1 ? .recruit : .attract, themes: k == 0 ? [.mobility] : k == 1 ? [.skills] : [.land],
                        carrierType: .publicBody, carrierName: "Grand Annecy", plannedInvestment: EuroCents(euros: 350_000 * Int64(k + 1)),
                        status: .idea, statusOn: reportDate, specific: true)
                    planned.append(
                        Planned(
                            territory: TerritoryID(t.id)!, content: content, createdOn: reportDate, validation: validation,
                            reason: validation == .returned ? "Précisez le porteur et le calendrier de dépollution." : nil))
                }
            }
        }
        return planned
    }

    static func pickTheme(_ rng: inout SeededRandom) -> ActionTheme {
        var x = rng.unit()
        for (theme, w) in themeWeights {
            x -= w
            if x <= 0 { return theme }
        }
        return .other
    }
}
