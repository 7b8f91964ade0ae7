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
        let opened = Set(try await CallQueries.summaries(on: req.db).filter { $0.rules.opensOn <= scope.asOf }.map(\.id.uuidString))
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
