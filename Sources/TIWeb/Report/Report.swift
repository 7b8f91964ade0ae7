import Foundation
import TIDomain

/// The « point d'étape » report at a date and scope: sections of blocks, every number a
/// `ReportFigure` computed from the records (indicator engine, action plans, commitments,
/// surveys), never typed in.
struct Report: Sendable {
    var title: String
    var asOf: CivilDate
    /// Région code, or `OM` (nil: national).
    var region: String?
    var scope: String
    var editorial: [String: String]
    var sections: [ReportSection]

    /// Every figure of the report, in reading order (the API's answer and a frozen edition's record).
    var figures: [ReportFigure] {
        sections.flatMap { s in
            s.blocks.flatMap { block -> [ReportFigure] in
                switch block {
                case .figures(let f): f
                case .table(let t), .chart(_, let t): t.rows.flatMap { $0 }
                case .annex(let a): a.figures
                default: []
                }
            }
        }.filter { $0.value != nil }
    }
}

/// One number of the report, with where it comes from.
struct ReportFigure: Codable, Sendable, Equatable {
    /// Stable within a report (`fonds.laureates.count`, `regions.84.laureates`), to compare editions.
    var id: String
    var label: String
    /// nil for a text cell (a région's name).
    var value: Double?
    /// As printed: « 1 416 », « 5,4 Md€ », « 69 % ».
    var text: String
    /// The indicator it comes from (`laureates.count`, `actions.count#specific`, `survey:<campaign>#q1`).
    var indicator: String?
    /// Coverage or denominator, as printed (« sur les 1 142 projets renseignés »).
    var note: String?

    static func text(_ s: String, id: String = "") -> ReportFigure { ReportFigure(id: id, label: "", value: nil, text: s) }
}

struct ReportTable: Sendable {
    var caption: String
    var header: [String]
    var rows: [[ReportFigure]]
    var numeric: Set<Int> = []
}

struct ReportCard: Sendable {
    var title: String
    var subtitle: String
    var text: String
}

/// A région's page of the annex.
struct ReportAnnex: Sendable {
    var name: String
    var headline: String
    var figures: [ReportFigure]
    var maps: [String]
    var laureates: [ReportCard]
}

enum ReportBlock: Sendable {
    case figures([ReportFigure])
    case table(ReportTable)
    case chart(svg: String, ReportTable)
    case paragraph(String)
    case note(String)
    /// Data the section needs is absent at this date or scope: said plainly, no zeros.
    case absent(String)
    case subheading(String)
    case cards([ReportCard])
    case annex(ReportAnnex)
}

struct ReportSection: Sendable {
    /// Anchor and editorial key: `en-bref`, `usine-a-projets`…
    var id: String
    var title: String
    var blocks: [ReportBlock]

    /// The sections in the order of the seed report's table of contents.
    static let catalogue: [(id: String, title: String)] = [
        ("avant-propos", "Avant-propos"),
        ("en-bref", "Le programme en bref"),
        ("usine-a-projets", "Territoires d’industrie : une « usine à projets »"),
        ("enquete-territoires", "Retour d’expérience des Territoires d’industrie"),
        ("financement", "Le financement du programme"),
        ("regions", "Des Régions engagées"),
        ("projets-inspirants", "Des projets inspirants sur quatre priorités"),
        ("fonds", "Le fonds d’accélération des investissements industriels"),
        ("enquete-laureats", "Retour d’expérience des lauréats du fonds"),
        ("annexes", "Annexes : les régions"),
    ]
}

/// How the report prints numbers.
enum ReportFormat {
    /// « 5,4 Md€ », « 573,4 M€ », « 54 M€ », « 3,8 M€ »; `digits` for the milliards.
    static func euros(_ cents: Int64, billionDigits: Int = 1) -> String {
        let euros = Double(cents) / 100
        func trimmed(_ v: Double, _ digits: Int) -> String {
            var s = FrenchNumber.decimal(v, digits: digits)
            if s.contains(",") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(",") { s.removeLast() }
            }
            return s
        }
        switch abs(euros) {
        case 1_000_000_000...: return trimmed(euros / 1_000_000_000, billionDigits) + " Md€"
        case 1_000_000...: return trimmed(euros / 1_000_000, 1) + " M€"
        case 1_000...: return trimmed(euros / 1_000, 0) + " k€"
        default: return EuroCents(cents: cents).formatted
        }
    }

    static func value(_ v: IndicatorValue, unit: IndicatorUnit) -> String {
        switch unit {
        case .euros: euros(v.cents ?? Int64(saturating: (v.value * 100).rounded()))
        case .share: FrenchNumber.percent(v.value)
        default: FrenchNumber.grouped(Int64(saturating: v.value.rounded()))
        }
    }
}
