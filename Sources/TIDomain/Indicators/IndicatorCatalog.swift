/// The catalogue of indicators: each definition with the measure that computes it over a group of
/// records. Money is summed in integer cents; only derived ratios and averages are `Double`.
enum IndicatorCatalog {
    struct Measure: Sendable {
        /// The figure over a group (the whole population, or one breakdown row).
        var value: @Sendable (IndicatorContext, IndicatorGroup) -> IndicatorValue
        /// Named parts, computed over the whole population only.
        var parts: (@Sendable (IndicatorContext, IndicatorGroup) -> [String: IndicatorValue])? = nil
        /// A caveat to publish with the figure.
        var note: (@Sendable (IndicatorContext) -> String?)? = nil
    }

    struct Entry: Sendable {
        var definition: IndicatorDefinition
        var measure: Measure
    }

    /// Last day counted by `laureates.share_jobs_created_by_2023`.
    static let jobsCreatedCutoff = try! CivilDate(year: 2023, month: 12, day: 31)

    static let laureateBreakdowns = Breakdown.allCases

    static let entries: [Entry] = [
        Entry(
            definition: .init(
                id: "laureates.count", label: "Nombre de lauréats",
                description:
                    "Nombre de dossiers lauréats à la date d’arrêté : décision des deux clés (État et Région) prise au plus tard à cette date, et dossier à cette date dans un état lauréat (lauréat, convention signée, versements en cours ou clos).",
                unit: .count, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { _, g in count(g.apps.count, coverage: complete(g.apps.count, .laureates)) }
        ),
        Entry(
            definition: .init(
                id: "laureates.investment_eur", label: "Investissement prévu des lauréats",
                description:
                    "Somme des investissements prévus par les dossiers lauréats à la date d’arrêté, en euros (calcul exact au centime).",
                unit: .euros, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in money(sumCents(ctx, g) { $0.investment }, coverage: complete(g.apps.count, .laureates)) }
        ),
        Entry(
            definition: .init(
                id: "laureates.aid_eur", label: "Aide accordée aux lauréats (État et Région)",
                description:
                    "Somme des aides accordées par l’État et par la Région aux dossiers lauréats à la date d’arrêté, telles qu’accordées à cette date (engagements moins dégagements et reversements datés), en euros (calcul exact au centime).",
                unit: .euros, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure(
                value: { ctx, g in money(sumCents(ctx, g) { $0.aidState +| $0.aidRegion }, coverage: complete(g.apps.count, .laureates)) },
                parts: { ctx, g in
                    [
                        "state": money(sumCents(ctx, g) { $0.aidState }, unit: .euros, label: "Part de l’État"),
                        "region": money(sumCents(ctx, g) { $0.aidRegion }, unit: .euros, label: "Part de la Région"),
                    ]
                })
        ),
        Entry(
            definition: .init(
                id: "laureates.aid_eur.state", label: "Aide de l’État aux lauréats",
                description:
                    "Somme des aides accordées par l’État aux dossiers lauréats à la date d’arrêté, en euros (calcul exact au centime).",
                unit: .euros, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in money(sumCents(ctx, g) { $0.aidState }, coverage: complete(g.apps.count, .laureates)) }
        ),
        Entry(
            definition: .init(
                id: "laureates.aid_eur.region", label: "Aide des Régions aux lauréats",
                description:
                    "Somme des aides accordées par les Régions aux dossiers lauréats à la date d’arrêté, en euros (calcul exact au centime).",
                unit: .euros, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in money(sumCents(ctx, g) { $0.aidRegion }, coverage: complete(g.apps.count, .laureates)) }
        ),
        Entry(
            definition: .init(
                id: "laureates.jobs_planned", label: "Emplois prévus par les lauréats",
                description: "Somme des emplois dont la création est prévue par les dossiers lauréats à la date d’arrêté.",
                unit: .jobs, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in
                let facts = ctx.facts
                var jobs = 0
                for i in g.apps { jobs +|= facts[i].jobsPlanned }
                return count(jobs, coverage: complete(g.apps.count, .laureates))
            }
        ),
        Entry(
            definition: .init(
                id: "laureates.investment_avg_eur", label: "Investissement moyen par lauréat",
                description: "Investissement prévu total des lauréats à la date d’arrêté divisé par leur nombre, en euros.",
                unit: .euros, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in
                let total = sumCents(ctx, g) { $0.investment }
                return ratio(Double(total) / 100, Double(g.apps.count), coverage: complete(g.apps.count, .laureates))
            }
        ),
        Entry(
            definition: .init(
                id: "laureates.share_fragile", label: "Part des lauréats en territoire fragile",
                description:
                    "Lauréats situés dans un territoire fragile, rapportés aux lauréats dont la fragilité du territoire est connue (les autres sont exclus du dénominateur).",
                unit: .share, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in share(ctx, g, what: "fragilité du territoire connue") { $0.fragile < 0 ? nil : $0.fragile == 1 } }
        ),
        Entry(
            definition: .init(
                id: "laureates.share_sme_midcap", label: "Part des PME et ETI parmi les lauréats",
                description:
                    "Lauréats de taille PME ou ETI, rapportés aux lauréats dont la taille est connue (les autres sont exclus du dénominateur).",
                unit: .share, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in share(ctx, g, what: "taille connue") { $0.size?.isSmeOrMidcap } }
        ),
        Entry(
            definition: .init(
                id: "laureates.share_jobs_planned_by_2023", label: "Part des emplois prévus d’ici fin 2023",
                description:
                    "Prévision faite dans les dossiers : pour les lauréats à la date d’arrêté qui ont indiqué combien de leurs emplois prévus seraient créés d’ici le 31 décembre 2023, ces emplois rapportés à l’ensemble des emplois prévus par ces mêmes lauréats. C’est une prévision, distincte des emplois effectivement créés (indicateur suivant).",
                unit: .share, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in
                let facts = ctx.facts
                var known = 0
                var byHorizon = 0
                var planned = 0
                for i in g.apps where facts[i].jobsPlannedBy2023 >= 0 {
                    known += 1
                    byHorizon +|= facts[i].jobsPlannedBy2023
                    planned +|= facts[i].jobsPlanned
                }
                return ratio(
                    Double(byHorizon), Double(planned),
                    coverage: coverage(known, of: g.apps.count, "prévision d’emplois à fin 2023 renseignée", .laureates))
            }
        ),
        Entry(
            definition: .init(
                id: "laureates.share_jobs_created_by_2023", label: "Part des emplois prévus effectivement créés fin 2023",
                description:
                    "Réalisé : pour les lauréats ayant un suivi daté au plus tard du 31 décembre 2023 (et de la date d’arrêté) : emplois créés selon le dernier de ces suivis, rapportés aux emplois prévus par ces mêmes lauréats. Avec « connu au », les suivis saisis après cette date sont écartés.",
                unit: .share, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure { ctx, g in
                let facts = ctx.facts
                var known = 0
                var created = 0
                var planned = 0
                for i in g.apps where facts[i].jobsCreatedBy2023 >= 0 {
                    known += 1
                    created +|= facts[i].jobsCreatedBy2023
                    planned +|= facts[i].jobsPlanned
                }
                return ratio(
                    Double(created), Double(planned),
                    coverage: coverage(known, of: g.apps.count, "suivi des emplois à fin 2023 disponible", .laureates))
            }
        ),
        Entry(
            definition: .init(
                id: "laureates.by_sector", label: "Lauréats par filière",
                description:
                    "Nombre de lauréats à la date d’arrêté par filière industrielle ; les lauréats dont la filière n’est pas renseignée forment une ligne à part.",
                unit: .count, population: .laureates, allowedBreakdowns: [.sector], defaultGrouping: Breakdown.sector.rawValue),
            measure: Measure { ctx, g in
                let facts = ctx.facts
                var known = 0
                for i in g.apps where facts[i].sectorKnown { known += 1 }
                return count(g.apps.count, coverage: coverage(known, of: g.apps.count, "filière connue", .laureates))
            }
        ),
        Entry(
            definition: .init(
                id: "laureates.stake.relocation", label: "Projets de (re)localisation",
                description:
                    "Lauréats portant l’enjeu (re)localisation, avec leur investissement prévu et les emplois relocalisés. Seuls les lauréats dont les enjeux sont renseignés peuvent être comptés.",
                unit: .count, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure(
                value: { ctx, g in stakeCount(ctx, g, .relocation) },
                parts: { ctx, g in
                    let facts = ctx.facts
                    let members = g.apps.filter { facts[$0].hasStake(.relocation) }
                    var jobs = 0
                    var jobsKnown = 0
                    for i in members where facts[i].relocatedJobs >= 0 {
                        jobs +|= facts[i].relocatedJobs
                        jobsKnown += 1
                    }
                    return [
                        "count": stakeCount(ctx, g, .relocation, label: "Projets"),
                        "investment": money(sumCents(ctx, members) { $0.investment }, unit: .euros, label: "Investissement prévu"),
                        "jobs": count(
                            jobs, coverage: coverage(jobsKnown, of: members.count, "emplois relocalisés renseignés", .laureates),
                            unit: .jobs, label: "Emplois relocalisés"),
                    ]
                })
        ),
        Entry(
            definition: .init(
                id: "laureates.stake.skills", label: "Projets de formation et compétences",
                description:
                    "Lauréats portant l’enjeu formation et compétences, avec les places de formation, l’investissement prévu et le nombre de projets par nature (un projet peut en avoir plusieurs). Seuls les lauréats dont les enjeux sont renseignés peuvent être comptés.",
                unit: .count, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure(
                value: { ctx, g in stakeCount(ctx, g, .skills) },
                parts: { ctx, g in
                    let facts = ctx.facts
                    let members = g.apps.filter { facts[$0].hasStake(.skills) }
                    var places = 0
                    var placesKnown = 0
                    for i in members where facts[i].trainingPlaces >= 0 {
                        places +|= facts[i].trainingPlaces
                        placesKnown += 1
                    }
                    var parts: [String: IndicatorValue] = [
                        "count": stakeCount(ctx, g, .skills, label: "Projets"),
                        "training_places": count(
                            places, coverage: coverage(placesKnown, of: members.count, "places de formation renseignées", .laureates),
                            unit: .places, label: "Places de formation"),
                        "investment": money(sumCents(ctx, members) { $0.investment }, unit: .euros, label: "Investissement prévu"),
                    ]
                    parts.merge(subCategoryParts(members, facts, SkillsCategory.allCases.map { ($0.rawValue, $0.label) }) { $0.skills }) {
                        $1
                    }
                    return parts
                },
                note: { _ in subCategoryNote })
        ),
        Entry(
            definition: .init(
                id: "laureates.stake.ecological", label: "Projets de transition écologique",
                description:
                    "Lauréats portant l’enjeu transition écologique, avec l’investissement prévu et le nombre de projets par nature (un projet peut en avoir plusieurs). Seuls les lauréats dont les enjeux sont renseignés peuvent être comptés.",
                unit: .count, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure(
                value: { ctx, g in stakeCount(ctx, g, .ecological) },
                parts: { ctx, g in
                    let facts = ctx.facts
                    let members = g.apps.filter { facts[$0].hasStake(.ecological) }
                    var parts: [String: IndicatorValue] = [
                        "count": stakeCount(ctx, g, .ecological, label: "Projets"),
                        "investment": money(sumCents(ctx, members) { $0.investment }, unit: .euros, label: "Investissement prévu"),
                    ]
                    parts.merge(
                        subCategoryParts(members, facts, EcologicalCategory.allCases.map { ($0.rawValue, $0.label) }) { $0.ecological }
                    ) { $1 }
                    return parts
                },
                note: { _ in subCategoryNote })
        ),
        Entry(
            definition: .init(
                id: "laureates.collaborative.count", label: "Projets collaboratifs lauréats",
                description:
                    "Nombre de lauréats à la date d’arrêté dont le projet est porté par plusieurs entreprises partenaires (appel « projets collaboratifs »), avec les projets collectifs « compétences » (enjeu formation et compétences) : leur nombre, leur aide et les personnes formées.",
                unit: .count, population: .laureates, allowedBreakdowns: laureateBreakdowns),
            measure: Measure(
                value: { ctx, g in
                    let facts = ctx.facts
                    var n = 0
                    for i in g.apps where facts[i].collaborative { n += 1 }
                    return count(n, coverage: complete(g.apps.count, .laureates))
                },
                parts: { ctx, g in
                    let facts = ctx.facts
                    let skills = g.apps.filter { facts[$0].collaborative && facts[$0].hasStake(.skills) }
                    var trained = 0
                    var trainedKnown = 0
                    for i in skills where facts[i].trainingPlaces >= 0 {
                        trained +|= facts[i].trainingPlaces
                        trainedKnown += 1
                    }
                    return [
                        "skills": count(skills.count, unit: .count, label: "Projets collectifs « compétences »"),
                        "skills_aid": money(
                            sumCents(ctx, skills) { $0.aidState +| $0.aidRegion }, unit: .euros, label: "Aide aux projets « compétences »"),
                        "skills_trained": count(
                            trained, coverage: coverage(trainedKnown, of: skills.count, "personnes formées renseignées", .laureates),
                            unit: .persons, label: "Personnes formées (projets « compétences »)"),
                    ]
                })
        ),
        Entry(
            definition: .init(
                id: "applications.by_state", label: "Dossiers par état",
                description:
                    "Dossiers créés au plus tard à la date d’arrêté, répartis selon leur état à cette date : un dossier retiré ou rouvert depuis est compté dans l’état où il était alors.",
                unit: .count, population: .applications, allowedBreakdowns: [], defaultGrouping: IndicatorGrouping.state.key),
            measure: Measure { _, g in count(g.apps.count, coverage: complete(g.apps.count, .applications)) }
        ),
        Entry(
            definition: .init(
                id: "envelopes.committed_eur", label: "Aide engagée",
                description:
                    "Aide de l’État et de la Région accordée aux lauréats à la date d’arrêté (décision prise au plus tard à cette date), en euros, rapportée aux enveloppes des appels à projets du périmètre telles qu’elles étaient dotées à cette date, dotation d’ouverture et abondements datés (numérateur : aide engagée ; dénominateur : enveloppes). Une aide dégagée depuis (décision rouverte) reste comptée aux dates où elle était engagée.",
                unit: .euros, population: .laureates, allowedBreakdowns: [.region, .call]),
            measure: Measure(
                value: { ctx, g in
                    let committed = sumCents(ctx, g) { $0.aidState +| $0.aidRegion }
                    var value = money(committed, coverage: complete(g.apps.count, .laureates))
                    if ctx.envelopesApplicable {
                        value.numerator = Double(committed) / 100
                        value.denominator = Double(envelopeCents(ctx, g, funder: nil)) / 100
                    }
                    return value
                },
                parts: { ctx, g in
                    let committedState = sumCents(ctx, g) { $0.aidState }
                    let committedRegion = sumCents(ctx, g) { $0.aidRegion }
                    var parts: [String: IndicatorValue] = [
                        "state": money(committedState, unit: .euros, label: "Aide de l’État engagée"),
                        "region": money(committedRegion, unit: .euros, label: "Aide de la Région engagée"),
                    ]
                    guard ctx.envelopesApplicable else { return parts }
                    let amount = envelopeCents(ctx, g, funder: nil)
                    parts["amount"] = money(amount, unit: .euros, label: "Enveloppes (État et Région)")
                    parts["amount_state"] = money(envelopeCents(ctx, g, funder: "state"), unit: .euros, label: "Enveloppes de l’État")
                    parts["amount_region"] = money(envelopeCents(ctx, g, funder: "region"), unit: .euros, label: "Enveloppes des Régions")
                    parts["rate"] = ratio(
                        Double(committedState +| committedRegion) / 100, Double(amount) / 100,
                        unit: .share, label: "Taux d’engagement des enveloppes")
                    return parts
                },
                note: { ctx in
                    ctx.envelopesApplicable
                        ? nil
                        : "Les enveloppes sont fixées par région : elles ne sont pas rapportées à un Territoire d’industrie."
                })
        ),
        Entry(
            definition: .init(
                id: "territories.count", label: "Nombre de Territoires d’industrie",
                description:
                    "Territoires d’industrie du périmètre à la date d’arrêté : labellisés au plus tard ce jour-là et pas encore sortis du programme (fusion, retrait). Un territoire à cheval sur deux régions est compté une fois au niveau national et une fois dans chacune de ses régions.",
                unit: .count, population: .territories, allowedBreakdowns: [.region]),
            measure: Measure { _, g in count(g.territories.count, coverage: complete(g.territories.count, .territories)) }
        ),
        Entry(
            definition: .init(
                id: "territories.chefs_de_projet", label: "Chefs de projet cofinancés par l’État",
                description:
                    "Nombre de chefs de projet distincts (par leur nom) dont le poste est cofinancé par l’État (FNADT) dans les Territoires d’industrie du périmètre à la date d’arrêté, et nombre de territoires qu’ils animent.",
                unit: .persons, population: .territories, allowedBreakdowns: [.region]),
            measure: Measure(
                value: { ctx, g in chefsDeProjet(ctx, g).value },
                parts: { ctx, g in ["territories": chefsDeProjet(ctx, g).territories] })
        ),
    ]

    /// Projects per sub-category (multi-label: a bit per category in the record's mask), as named parts.
    static func subCategoryParts(
        _ members: [Int], _ facts: [LaureateFacts], _ categories: [(key: String, label: String)],
        mask: (LaureateFacts) -> UInt8
    ) -> [String: IndicatorValue] {
        var counts = [Int](repeating: 0, count: categories.count)
        for i in members {
            for k in counts.indices where mask(facts[i]) & (1 << UInt8(k)) != 0 { counts[k] += 1 }
        }
        var parts: [String: IndicatorValue] = [:]
        for (k, c) in categories.enumerated() { parts[c.key] = count(counts[k], unit: .count, label: c.label) }
        return parts
    }

    static let subCategoryNote =
        "Un projet peut relever de plusieurs natures : les sous-catégories se recouvrent et leur somme peut dépasser le nombre de projets."

    // MARK: - Measures

    @inline(__always)
    static func sumCents(_ ctx: IndicatorContext, _ g: IndicatorGroup, _ amount: (LaureateFacts) -> Int64) -> Int64 {
        sumCents(ctx, g.apps, amount)
    }

    @inline(__always)
    static func sumCents(_ ctx: IndicatorContext, _ indices: [Int], _ amount: (LaureateFacts) -> Int64) -> Int64 {
        let facts = ctx.facts
        var total: Int64 = 0
        for i in indices { total +|= amount(facts[i]) }
        return total
    }

    static func envelopeCents(_ ctx: IndicatorContext, _ g: IndicatorGroup, funder: String?) -> Int64 {
        let envelopes = ctx.data.envelopes
        var total: Int64 = 0
        for i in g.envelopes where funder == nil || envelopes[i].funder == funder { total +|= envelopes[i].amount.cents }
        return total
    }

    /// Share of the group for which `flag` is true, over the records where it is known.
    static func share(_ ctx: IndicatorContext, _ g: IndicatorGroup, what: String, _ flag: (LaureateFacts) -> Bool?) -> IndicatorValue {
        let facts = ctx.facts
        var known = 0
        var yes = 0
        for i in g.apps {
            guard let f = flag(facts[i]) else { continue }
            known += 1
            if f { yes += 1 }
        }
        return ratio(Double(yes), Double(known), coverage: coverage(known, of: g.apps.count, what, .laureates))
    }

    static func stakeCount(_ ctx: IndicatorContext, _ g: IndicatorGroup, _ stake: Stake, label: String? = nil) -> IndicatorValue {
        let facts = ctx.facts
        let bit = LaureateFacts.bit(stake)
        var known = 0
        var n = 0
        for i in g.apps where facts[i].stakesKnown {
            known += 1
            if facts[i].stakes & bit != 0 { n += 1 }
        }
        return count(
            n, coverage: coverage(known, of: g.apps.count, "enjeux renseignés", .laureates),
            unit: label == nil ? nil : .count, label: label)
    }

    static func chefsDeProjet(_ ctx: IndicatorContext, _ g: IndicatorGroup) -> (value: IndicatorValue, territories: IndicatorValue) {
        let territories = ctx.data.territories
        var names = Set<String>()
        var covered = 0
        var leadKnown = 0
        for i in g.territories {
            let t = territories[i]
            guard let lead = t.projectLead else { continue }
            let name = lead.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
            guard !name.isEmpty else { continue }
            leadKnown += 1
            if t.projectLeadFundedByState {
                names.insert(name)
                covered += 1
            }
        }
        let cov = coverage(leadKnown, of: g.territories.count, "chef de projet renseigné", .territories)
        return (
            count(names.count, coverage: cov),
            count(covered, coverage: cov, unit: .count, label: "Territoires animés par un chef de projet cofinancé")
        )
    }

    // MARK: - Values

    static func count(_ n: Int, coverage: Coverage? = nil, unit: IndicatorUnit? = nil, label: String? = nil) -> IndicatorValue {
        IndicatorValue(value: Double(n), coverage: coverage, unit: unit, label: label)
    }

    static func money(_ cents: Int64, coverage: Coverage? = nil, unit: IndicatorUnit? = nil, label: String? = nil) -> IndicatorValue {
        IndicatorValue(value: Double(cents) / 100, cents: cents, coverage: coverage, unit: unit, label: label)
    }

    /// `numerator / denominator`, 0 when the denominator is 0 (the denominator says so).
    static func ratio(
        _ numerator: Double, _ denominator: Double, coverage: Coverage? = nil,
        unit: IndicatorUnit? = nil, label: String? = nil
    ) -> IndicatorValue {
        IndicatorValue(
            value: denominator == 0 ? 0 : numerator / denominator, numerator: numerator,
            denominator: denominator, coverage: coverage, unit: unit, label: label)
    }

    // MARK: - Coverage

    enum Noun {
        case laureates, applications, territories

        var singular: String {
            switch self {
            case .laureates: "lauréat"
            case .applications: "dossier"
            case .territories: "territoire"
            }
        }

        var plural: String { singular + "s" }
    }

    /// "taille connue pour 1 142 des 1 416 lauréats", "taille connue pour les 12 lauréats",
    /// "taille connue pour aucun des 3 lauréats", "aucun lauréat dans le périmètre".
    static func coverage(_ known: Int, of total: Int, _ what: String, _ noun: Noun) -> Coverage {
        let n = FrenchNumber.grouped(total)
        let text: String
        if total == 0 {
            text = "aucun \(noun.singular) dans le périmètre"
        } else if known == total {
            text = total == 1 ? "\(what) pour le seul \(noun.singular)" : "\(what) pour les \(n) \(noun.plural)"
        } else if known == 0 {
            text = total == 1 ? "\(what) pour aucun \(noun.singular) sur 1" : "\(what) pour aucun des \(n) \(noun.plural)"
        } else {
            text = "\(what) pour \(FrenchNumber.grouped(known)) des \(n) \(noun.plural)"
        }
        return Coverage(known: known, total: total, description: text)
    }

    /// Data every record has (amounts, counts).
    static func complete(_ total: Int, _ noun: Noun) -> Coverage {
        coverage(total, of: total, "données complètes", noun)
    }
}
