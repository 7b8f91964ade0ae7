import Fluent
import TIDomain
import TIPersistence
import Vapor

/// Computes what a dashboard shows for a scope.
enum DashboardBuilder {
    /// The dashboard's HTML for a scope, computed once per data version.
    static func html(_ req: Request, query: IndicatorQuery, compact: Bool = false) async throws -> String {
        let key =
            "dashboard:\(query.asOf ?? req.clock.today.iso)|\(query.knownAt ?? "")|\(query.region ?? "")|\(query.territory ?? "")|\(compact)"
        return try await req.memoised(key) { try await build(req, query: query, compact: compact).body.render() }
    }

    static func build(_ req: Request, query: IndicatorQuery, compact: Bool = false) async throws -> Dashboard {
        let dataset = try await req.indicatorDataset()
        let scope = try query.scope(in: dataset, today: req.clock.today)
        let results = IndicatorEngine.computeAll(in: dataset, scope: scope)
        var breakdowns: [String: IndicatorResult] = [:]
        for (id, breakdown) in Dashboard.neededBreakdowns {
            if compact, breakdown != .sector { continue }
            if breakdown == .region, scope.region != nil || scope.territory != nil { continue }
            if let r = try? IndicatorEngine.compute(id, in: dataset, scope: scope, breakdown: breakdown) {
                breakdowns["\(id)|\(breakdown.rawValue)"] = r
            }
        }
        var timeline: [(String, Double, Double)] = []
        if !compact,
            let aid = try? IndicatorEngine.compute("laureates.aid_eur", in: dataset, scope: scope, breakdown: .decisionMonth),
            let count = try? IndicatorEngine.compute("laureates.count", in: dataset, scope: scope, breakdown: .decisionMonth)
        {
            var committed = 0.0
            var laureates = 0.0
            for row in (aid.rows ?? []).sorted(by: { $0.key < $1.key }) {
                committed += row.result.value
                laureates += count.rows?.first { $0.key == row.key }?.result.value ?? 0
                timeline.append((row.key, committed, laureates))
            }
        }
        // The envelopes of the calls opened by the as-of date, in the scope (none for a single TI).
        let opened = Set(try await FundCall.query(on: req.db).all().filter { $0.rules.opensOn <= scope.asOf }.map { $0.id!.uuidString })
        let envelope =
            scope.territory != nil
            ? 0
            : dataset.envelopes.filter { e in
                opened.contains(e.callID)
                    && (scope.region == nil || e.region == scope.region
                        || (scope.region == IndicatorScope.overseasGroup && RegionGroup.isOverseas(regionCode: e.region)))
            }.reduce(0.0) { $0 + Double($1.amount.cents) / 100 }
        return Dashboard(
            results: results, breakdowns: breakdowns, timeline: timeline, envelopeTotal: envelope, query: query, asOf: scope.asOf,
            compact: compact)
    }
}

struct IndicatorsPage {
    var dashboard: String
    var scopeLabel: String
    var asOf: CivilDate
    var regions: [(code: String, name: String)]
    var territories: [(id: String, name: String)]
    var query: IndicatorQuery

    func render() -> String {
        Page(
            title: "Indicateurs — \(scopeLabel)", section: .indicators, breadcrumbs: [.init(label: "Indicateurs", url: nil)],
            content: .group(
                .h1(.text("Indicateurs — \(scopeLabel)")),
                .p(
                    .class("fr-text--lead"),
                    "Tous les chiffres sont calculés à partir des dossiers du fonds, à la date choisie, avec leur couverture : lorsqu’une donnée n’est connue que pour une partie des projets, le chiffre le dit."
                ),
                .form(
                    .method(.get), .action(SiteURL.indicators.path), .class("ti-filters fr-mb-4w"),
                    .ariaLabel("Choisir le périmètre et la date"),
                    Forms.field("as_of", label: "Situation au", type: .date, value: asOf.iso, required: false),
                    Forms.field(
                        "known_at", label: "Telle que connue au (facultatif)", type: .date, value: query.knownAt ?? "",
                        hint: "Écarte les suivis saisis après cette date.", required: false),
                    Forms.select(
                        "region", label: "Région",
                        options: [("", "France entière"), ("OM", "Outre-mer")] + regions.map { ($0.code, $0.name) },
                        selected: query.region ?? ""),
                    Forms.select(
                        "territory", label: "Territoire d’industrie", options: [("", "Tous")] + territories.map { ($0.id, $0.name) },
                        selected: query.territory ?? ""),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Afficher"),
                        .a(
                            .class("fr-btn fr-btn--tertiary"), .href(SiteURL.indicators.path + "?as_of=2021-09-24"),
                            "Revoir le point d’étape du 24 septembre 2021"))),
                .raw(dashboard)
            )
        ).render()
    }
}
