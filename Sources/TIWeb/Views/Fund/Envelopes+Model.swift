import Foundation
import TIDomain
import TIPersistence

/// The envelopes list (`/enveloppes`): every envelope the person may see, with totals.
struct EnvelopesPage {
    struct Model: Sendable {
        var envelopes: [EnvelopeSummary]
        /// The administrator tops envelopes up; other staff only read them.
        var canEdit: Bool

        var amount: EuroCents { envelopes.reduce(.zero) { $0 + $1.amount } }
        var committed: EuroCents { envelopes.reduce(.zero) { $0 + $1.committed } }
        var paid: EuroCents { envelopes.reduce(.zero) { $0 + $1.paid } }
    }

    var model: Model
}

/// One envelope (`/enveloppes/:id`): its amounts and the history of its movements.
struct EnvelopePage {
    struct Model: Sendable {
        var envelope: EnvelopeSummary
        var movements: [EnvelopeMovementLine]
        var canEdit: Bool
    }

    var model: Model
}

extension EnvelopeSummary {
    static let mock = EnvelopeSummary(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!, callID: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!,
        callTitle: "Fonds d’accélération — appel 2021", regionCode: "94", regionName: "Corse", funder: .state,
        amount: EuroCents(euros: 10_000_000), committed: EuroCents(euros: 2_500_000), paid: EuroCents(euros: 400_000), oneForOne: false)
}

extension EnvelopesPage.Model {
    static let mock = Self(
        envelopes: [
            .mock,
            {
                var region = EnvelopeSummary.mock
                region.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000e2")!
                region.funder = .region
                region.amount = EuroCents(euros: 5_000_000)
                region.oneForOne = true
                return region
            }(),
        ],
        canEdit: true)
}

extension EnvelopePage.Model {
    static let mock = Self(
        envelope: .mock,
        movements: [
            EnvelopeMovementLine(
                atEpoch: 1_615_800_000, kind: .initial, amount: EuroCents(euros: 10_000_000), applicationID: nil,
                applicationReference: nil, note: nil),
            EnvelopeMovementLine(
                atEpoch: 1_618_000_000, kind: .commitment, amount: EuroCents(euros: 2_500_000),
                applicationID: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!, applicationReference: "FA-2021-94-00001",
                note: nil),
        ],
        canEdit: false)
}
