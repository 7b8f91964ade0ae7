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
