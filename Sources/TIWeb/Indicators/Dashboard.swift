import Plot
import TIDomain
import TIGeo

/// The dashboard for one scope: key figures with their coverage, charts with their data tables and
/// CSV links. Used by /indicateurs, the région pages and the territory pages.
struct Dashboard {
    var results: [String: IndicatorResult]
    var breakdowns: [String: IndicatorResult]  // "id|breakdown" → result with rows
    var timeline: [(month: String, committed: Double, laureates: Double)]
    var envelopeTotal: Double
    var query: IndicatorQuery
    /// The date the figures are at (the query's, or today).
    var asOf: CivilDate
    var compact = false

    static let neededBreakdowns: [(String, Breakdown)] = [
        ("laureates.count", .region), ("laureates.aid_eur", .region), ("laureates.jobs_planned", .region),
        ("laureates.by_sector", .sector), ("laureates.count", .size), ("laureates.count", .inTerritory),
    ]

    func csv(_ id: String, _ breakdown: Breakdown? = nil) -> String {
        var q = query
        q.breakdown = breakdown?.rawValue
        return SiteURL.indicatorCSV(id).path + Dashboard.queryString(q)
    }

    static func queryString(_ q: IndicatorQuery) -> String {
        let items = [
            ("as_of", q.asOf), ("known_at", q.knownAt), ("region", q.region), ("territory", q.territory), ("breakdown", q.breakdown),
        ]
        .compactMap { k, v in
            v.flatMap { $0.isEmpty ? nil : "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }

    static func format(_ v: IndicatorValue, unit: IndicatorUnit) -> String {
        switch unit {
        case .euros: EuroCents(cents: v.cents ?? Int64(saturating: (v.value * 100).rounded())).compact
        case .share: FrenchNumber.percent(v.value)
        default: FrenchNumber.grouped(Int64(saturating: v.value.rounded()))
        }
    }

    func figure(_ id: String, label: String? = nil) -> Components.Figure? {
        guard let r = results[id] else { return nil }
        if let coverage = r.result.coverage, coverage.known == 0, coverage.total > 0 {
            return .init(value: "—", label: label ?? r.label, note: "pas de donnée à cette date (\(coverage.description))")
        }
        return .init(value: Self.format(r.result, unit: r.unit), label: label ?? r.label, note: r.result.coverage?.description)
    }

    var body: Node<HTML.BodyContext> {
        let aidState = results["laureates.aid_eur.state"].map { Self.format($0.result, unit: .euros) } ?? "—"
        let aidRegion = results["laureates.aid_eur.region"].map { Self.format($0.result, unit: .euros) } ?? "—"
        var aid = figure("laureates.aid_eur", label: "d’aide accordée")
        aid?.note = "dont État \(aidState), Régions \(aidRegion)"
        var collaborative = figure("laureates.collaborative.count", label: "projets collaboratifs")
        if let parts = results["laureates.collaborative.count"]?.parts, let skills = parts["skills"], skills.value > 0 {
            let aid = parts["skills_aid"].map { Self.format($0, unit: .euros) } ?? "—"
            let trained = parts["skills_trained"].map { Self.format($0, unit: .count) } ?? "—"
            collaborative?.note = "dont \(Self.format(skills, unit: .count)) « compétences » : \(aid) d’aide, \(trained) personnes formées"
        }
        let figures: [Components.Figure] = [
            figure("laureates.count", label: "lauréats"), figure("laureates.investment_eur", label: "d’investissement industriel"), aid,
            figure("laureates.jobs_planned", label: "emplois prévus"),
            figure("laureates.investment_avg_eur", label: "d’investissement moyen"),
            figure("laureates.share_fragile", label: "des lauréats en territoire fragile"),
            figure("laureates.share_sme_midcap", label: "des projets portés par des PME ou ETI"),
            figure("laureates.share_jobs_created_by_2023", label: "des emplois prévus créés fin 2023"),
            collaborative,
            figure("territories.count", label: "Territoires d’industrie"),
        ].compactMap { $0 }
        return .group(
            .p(.class("ti-as-of fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w"), .text("Chiffres au \(asOf.french)")),
            Components.figures(figures),
            .p(
                .class("fr-text--sm"),
                .a(.href(SiteURL.indicatorCSV("laureates.count").path + Dashboard.queryString(query)), "Télécharger les données"),
                .text(" · "), .a(.href(APIURL.indicators.path + Dashboard.queryString(query)), "Tous les indicateurs en JSON")),
            .if(!compact, regionSection),
            sectorSection,
            .if(!compact, sizeSection),
            stakesSection,
            .if(!compact, timelineSection)
        )
    }

    func rowsChart(_ key: String, title: String, description: String, idPrefix: String, limit: Int? = nil) -> (String, [BreakdownRow])? {
        guard let r = breakdowns[key], let rows = r.rows, !rows.isEmpty else { return nil }
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        let data = shown.map { ChartDatum(label: $0.label, value: $0.result.value, display: Self.format($0.result, unit: r.unit)) }
        return (
            SVGChart.horizontalBars(
                title: title, description: description, data: data, idPrefix: idPrefix, source: "Source : dossiers du fonds d’accélération"),
            rows
        )
    }

    func chartBlock(_ svg: String, table: Node<HTML.BodyContext>, csv: String, note: String? = nil) -> Node<HTML.BodyContext> {
        .div(
            .class("ti-chart"),
            .raw(svg),
            .unwrap(note) { .p(.class("fr-text--sm"), .text($0)) },
            .element(
                named: "details", nodes: [.class("ti-details"), .element(named: "summary", text: "Voir les données du graphique"), table]),
            .p(.class("fr-text--sm"), .a(.href(csv), "Télécharger les données (CSV)")))
    }

    func table(_ rows: [BreakdownRow], unit: IndicatorUnit, header: String) -> Node<HTML.BodyContext> {
        Components.table(
            caption: header, header: [header, "Valeur"],
            rows: rows.map {
                [Components.cell($0.label), .td(.class("fr-cell--right ti-num"), .text(Self.format($0.result, unit: unit)))]
            },
            numericColumns: [1])
    }

    var regionSection: Node<HTML.BodyContext> {
        guard query.region == nil, query.territory == nil,
            let (svg, rows) = rowsChart(
                "laureates.count|region", title: "Lauréats par région", description: "Nombre de lauréats par région, l’Outre-mer regroupé.",
                idPrefix: "graph-regions")
        else { return .empty }
        let aid = breakdowns["laureates.aid_eur|region"]?.rows ?? []
        let jobs = breakdowns["laureates.jobs_planned|region"]?.rows ?? []
        let regionTable = Components.table(
            caption: "Lauréats, aides et emplois par région", header: ["Région", "Lauréats", "Aide", "Emplois prévus"],
            rows: rows.map { row in
                [
                    Components.cell(row.label), Components.numberCell(Int(saturating: row.result.value)),
                    .td(
                        .class("fr-cell--right ti-num"),
                        .text(aid.first { $0.key == row.key }.map { Self.format($0.result, unit: .euros) } ?? "—")),
                    Components.numberCell(Int(saturating: jobs.first { $0.key == row.key }?.result.value ?? 0)),
                ]
            }, numericColumns: [1, 2, 3])
        return .section(.h2(.class("fr-mt-6w"), "Par région"), chartBlock(svg, table: regionTable, csv: csv("laureates.count", .region)))
    }

    var sectorSection: Node<HTML.BodyContext> {
        guard let r = breakdowns["laureates.by_sector|sector"],
            let (svg, rows) = rowsChart(
                "laureates.by_sector|sector", title: "Lauréats par filière", description: "Nombre de lauréats par filière.",
                idPrefix: "graph-filieres")
        else { return .empty }
        return .section(
            .h2(.class("fr-mt-6w"), "Par filière"),
            chartBlock(
                svg, table: table(rows, unit: r.unit, header: "Filière"), csv: csv("laureates.by_sector", .sector),
                note: r.result.coverage?.description))
    }

    var sizeSection: Node<HTML.BodyContext> {
        guard let r = breakdowns["laureates.count|size"], let rows = r.rows else { return .empty }
        let known = rows.filter { $0.key != "unknown" }
        let total = known.reduce(0.0) { $0 + $1.result.value }
        let parts = known.map {
            ChartDatum(label: $0.label, value: $0.result.value, display: total > 0 ? FrenchNumber.percent($0.result.value / total) : "—")
        }
        let svg = SVGChart.shareBar(
            title: "Lauréats par taille d’entreprise", description: "Répartition des lauréats dont la taille est connue.",
            parts: parts, idPrefix: "graph-tailles", colors: ["#cacafb", "#000091", "#6a6af4", "#e5e5e5"])
        return .section(
            .h2(.class("fr-mt-6w"), "Par taille d’entreprise"),
            chartBlock(
                svg, table: table(rows, unit: .count, header: "Taille"), csv: csv("laureates.count", .size),
                note: results["laureates.share_sme_midcap"]?.result.coverage?.description))
    }

    var stakesSection: Node<HTML.BodyContext> {
        let stakes = ["laureates.stake.relocation", "laureates.stake.skills", "laureates.stake.ecological"].compactMap { results[$0] }
        guard !stakes.isEmpty else { return .empty }
        let data = stakes.map {
            ChartDatum(
                label: $0.label, value: $0.parts?["count"]?.value ?? 0,
                display: FrenchNumber.grouped(Int64(saturating: $0.parts?["count"]?.value ?? 0)))
        }
        let svg = SVGChart.horizontalBars(
            title: "Projets par enjeu", description: "Nombre de lauréats par enjeu ; un projet peut en porter plusieurs.",
            data: data, idPrefix: "graph-enjeux", note: "Un projet peut porter plusieurs enjeux : ne pas additionner.")
        let rows: [[Node<HTML.TableRowContext>]] = stakes.flatMap { r -> [[Node<HTML.TableRowContext>]] in
            let main: [Node<HTML.TableRowContext>] = [
                Components.cell(r.label), Components.numberCell(Int(saturating: r.parts?["count"]?.value ?? 0)),
                .td(.class("fr-cell--right ti-num"), .text(r.parts?["investment"].map { Self.format($0, unit: .euros) } ?? "—")),
                Components.cell(
                    [
                        r.parts?["jobs"].map { "\(FrenchNumber.grouped(Int64(saturating: $0.value))) emplois relocalisés" },
                        r.parts?["training_places"].map { "\(FrenchNumber.grouped(Int64(saturating: $0.value))) places de formation" },
                    ].compactMap { $0 }.joined()),
            ]
            let subs = (r.parts ?? [:]).filter { !["count", "investment", "jobs", "training_places"].contains($0.key) }.sorted {
                $0.value.value > $1.value.value
            }
            return [main]
                + subs.map {
                    [
                        Components.cell("  – " + ($0.value.label ?? $0.key)), Components.numberCell(Int(saturating: $0.value.value)),
                        Components.cell(""), Components.cell(""),
                    ]
                }
        }
        let table = Components.table(
            caption: "Enjeux et sous-catégories", header: ["Enjeu", "Projets", "Investissement", "Autres"], rows: rows,
            numericColumns: [1, 2])
        return .section(
            .h2(.class("fr-mt-6w"), "Enjeux"),
            chartBlock(
                svg, table: table, csv: csv("laureates.stake.ecological"),
                note: (stakes.first?.result.coverage?.description).map {
                    "\($0). Sous-catégories multi-étiquettes : leur somme peut dépasser le nombre de projets."
                }))
    }

    var timelineSection: Node<HTML.BodyContext> {
        guard timeline.count > 1 else { return .empty }
        let svg = SVGChart.cumulative(
            title: "Aides engagées au fil des décisions",
            description: "Cumul des aides engagées par mois de décision, comparé aux enveloppes votées.",
            xLabels: timeline.map(\.month),
            series: [SVGChart.Series(name: "Aide engagée (cumul)", color: "#000091", values: timeline.map(\.committed), stepped: true)],
            reference: envelopeTotal > 0
                ? ("Enveloppes : \(EuroCents(cents: Int64(saturating: envelopeTotal * 100)).compact)", envelopeTotal) : nil,
            idPrefix: "graph-engagements", source: "Source : décisions et enveloppes du fonds",
            valueFormatter: { EuroCents(cents: Int64(saturating: $0 * 100)).compact })
        let rows = timeline.map {
            [
                Components.cell($0.month), Components.numberCell(Int(saturating: $0.laureates)),
                Components.moneyCell(Int64(saturating: $0.committed * 100)),
            ]
        }
        let table = Components.table(
            caption: "Décisions par mois", header: ["Mois", "Lauréats (cumul)", "Aide engagée (cumul)"], rows: rows, numericColumns: [1, 2])
        return .section(
            .h2(.class("fr-mt-6w"), "Décisions et engagements dans le temps"),
            chartBlock(svg, table: table, csv: csv("laureates.aid_eur", .decisionMonth)))
    }
}
