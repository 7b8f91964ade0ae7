import TIDomain
import TIPersistence
import Vapor

extension Request {
    /// The validated actions of these plans (nil: all) as they stood at the end of `date`: today's
    /// from the records, a past date's from their history.
    func actionFigures(asOf date: CivilDate, territories: [String]?) async throws -> ActionPlanFigures {
        let actions =
            date >= clock.today
            ? try await ActionQueries.list(.init(territories: territories), on: db).items
            : try await ActionQueries.asOf(date, territories: territories, validatedOnly: true, on: db)
        return ActionPlanFigures(actions.map(\.content))
    }
}

extension Request {
    /// The TI of an indicator scope (nil: the whole country).
    static func territories(in scope: IndicatorScope, of dataset: IndicatorDataset) -> [String]? {
        scope.territory.map { [$0] }
            ?? scope.region.map { code in
                dataset.territories.filter { t in
                    t.regions.contains { code == IndicatorScope.overseasGroup ? RegionGroup.isOverseas(regionCode: $0) : $0 == code }
                }.map(\.id)
            }
    }

    /// The programme's indicators beyond the fund (`actions.*`, `financing.*`, `sites.*`) in a
    /// scope at its date; read live (their writes do not change the fund's figure cache).
    /// The financing is national: its ids are left out of a région's or a TI's scope.
    func programmeIndicators(_ scope: IndicatorScope, label: String, in dataset: IndicatorDataset) async throws -> [String: IndicatorResult]
    {
        var out: [String: IndicatorResult] = [:]
        let actions = try await actionFigures(asOf: scope.asOf, territories: Self.territories(in: scope, of: dataset))
        for r in ProgrammeIndicators.actions(actions, asOf: scope.asOf, scope: label) { out[r.id] = r }
        if scope.region == nil, scope.territory == nil {
            let financing = try await FinancingController.figures(self, asOf: scope.asOf)
            out["financing.engaged_eur"] = ProgrammeIndicators.financing(financing, asOf: scope.asOf, scope: label)
        }
        let sites = try await SiteQueries.list(.init(asOf: scope.asOf), on: db).filter { site in
            if let t = scope.territory { return site.territory == t }
            if let r = scope.region {
                return r == IndicatorScope.overseasGroup ? RegionGroup.isOverseas(regionCode: site.region) : site.region == r
            }
            return true
        }
        out["sites.count"] = ProgrammeIndicators.sites(sites.map(\.content.wave), asOf: scope.asOf, scope: label)
        return out
    }
}
