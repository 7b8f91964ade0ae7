import Foundation
import TIDomain
import TIPersistence

extension CallSummary {
    static let mock = CallSummary(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, title: "Fonds d’accélération — appel 2021",
        description: "Investissements industriels dans les territoires, projets mûrs.",
        rules: CallRules(
            opensOn: try! CivilDate(parsing: "2020-09-01"), closesOn: try! CivilDate(parsing: "2021-06-30"),
            carriers: [.company, .association], sizes: [.pme, .eti], minimumInvestment: EuroCents(euros: 100_000),
            startWithinMonths: 12, regions: ["94", "84"], collaborative: true),
        regimeLabel: "Encadrement temporaire SA.56985 §3.1 (2020-2021)", ceiling: EuroCents(euros: 1_800_000))
}

extension FundIndexPage {
    static let mock = FundIndexPage(
        calls: [.mock],
        totals: [
            CallSummary.mock.id: {
                var t = CallQueries.Totals()
                t.state = EuroCents(euros: 10_000_000)
                t.region = EuroCents(euros: 5_000_000)
                t.committed = EuroCents(euros: 2_500_000)
                return t
            }()
        ],
        today: try! CivilDate(parsing: "2021-03-15"), role: nil)
}

extension CallPage {
    static let mock = CallPage(
        call: .mock, envelopes: EnvelopesPage.Model.mock.envelopes, today: try! CivilDate(parsing: "2021-03-15"), role: .applicant)
}
