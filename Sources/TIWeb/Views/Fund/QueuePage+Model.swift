import Foundation
import TIDomain
import TIPersistence

/// The work queue (`/instruction`): the files to process in the person's régions, filtered,
/// sorted and paginated, with what a reviewer looks at first.
struct QueuePage {
    /// One file of the queue, as the table shows it.
    struct Row: Sendable, Equatable {
        var id: UUID
        var reference: String?
        var carrierName: String?
        var title: String
        var regionCode: String?
        var state: ApplicationState
        /// Days since the deposit (nil: not deposited).
        var daysSinceDeposit: Int?
        /// Eligibility checks that fail and are not overridden (nil: the call is unknown).
        var failedChecks: Int?
        var instructor: String?
        var requestedAid: EuroCents
        var jobsCreated: Int
        /// The latest message comes from the applicant: an answer waiting to be read.
        var answered: Bool
        var inTerritory: Bool
        var fragile: Bool
    }

    struct Model: Sendable {
        var filter: QueueController.Filter
        var rows: [Row]
        var total: Int
        var page: Int
        var pageSize: Int
        var calls: [(id: UUID, title: String)]
        var regions: [(code: String, name: String)]
        /// Régions whose committee the person may open.
        var committeeRegions: [String]
    }

    var model: Model
}

extension QueuePage.Model {
    static let mock = Self(
        filter: QueueController.Filter(),
        rows: [
            .init(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!, reference: "FA-2021-94-00001",
                carrierName: "Ateliers d’Ajaccio", title: "Nouvelle ligne d’usinage", regionCode: "94", state: .underReview,
                daysSinceDeposit: 12, failedChecks: 0, instructor: "Compte reviewer", requestedAid: EuroCents(euros: 400_000),
                jobsCreated: 12, answered: true, inTerritory: true, fragile: false),
            .init(
                id: UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!, reference: "FA-2021-94-00002",
                carrierName: "Scierie <du> « Niolu »", title: "Séchoir à bois", regionCode: "94", state: .submitted,
                daysSinceDeposit: 0, failedChecks: 2, instructor: nil, requestedAid: EuroCents(euros: 150_000),
                jobsCreated: 3, answered: false, inTerritory: false, fragile: true),
        ],
        total: 2, page: 1, pageSize: 25,
        calls: [(UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, "Fonds d’accélération — appel 2021")],
        regions: [("94", "Corse")], committeeRegions: ["94"])
}
