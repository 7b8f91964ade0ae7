import TIDomain
import TIPersistence
import Vapor

/// `GET /api/v1/actions`: the validated actions of every plan, filtered as on `/plans`, 100 a page.
struct ActionAPIController {
    struct ActionDTO: Content {
        var id: UUID
        var territoryId: String
        var territoryName: String
        var reference: String
        var title: String
        var description: String
        var axis: String
        var themes: [String]
        var carrierType: String
        var carrierName: String?
        var siren: String?
        var plannedInvestmentEur: Double?
        var status: String
        var statusOn: String
        var specific: Bool

        init(_ a: ActionSummary) {
            let c = a.visibleContent(seesAll: false)
            id = a.id
            territoryId = a.territoryID.rawValue
            territoryName = a.territoryName
            reference = c.reference
            title = c.title
            description = c.description
            axis = c.axis.rawValue
            themes = ActionTheme.allCases.filter(c.themes.contains).map(\.rawValue)
            carrierType = c.carrierType.rawValue
            carrierName = c.carrierName
            siren = c.siren?.rawValue
            plannedInvestmentEur = c.plannedInvestment.map { Double($0.cents) / 100 }
            status = c.status.rawValue
            statusOn = c.statusOn.iso
            specific = c.specific
        }
    }

    func list(req: Request) async throws -> APIPage<ActionDTO> {
        let query = try req.query.decode(PlansQuery.self)
        let filter = try await ActionPlanController.filter(query, req)
        let pagination = try Pagination(page: query.page, size: 100)
        let (items, total) = try await ActionQueries.list(filter, range: pagination.range, on: req.db)
        return .init(req, pagination, count: total, items: items.map(ActionDTO.init))
    }
}
