import Foundation
import TIDomain

/// The partners' commitments of the report of Sept. 2021 (seed 003, « Mobilisations des partenaires
/// du programme »), each line split into a few dated commitments between 2019 and the report. With
/// the fund's 700 M€ (State) and 143 M€ (Régions), counted from its envelopes: 1,37 Md€ engaged by
/// the State and the operators against the 1,3 Md€ target, and 569 M€ by the Régions.
enum DemoFinancing {
    static let lines: [(instrument: String, euros: Int64?, quantity: Int?)] = [
        ("territoires-innovation", 145_000_000, nil), ("dsil-fnadt-detr", 35_000_000, nil), ("vte-etat", 2_000_000, nil),
        ("accelerateurs", 2_000_000, nil), ("ademe-transition", 287_000_000, nil), ("bdt-ingenierie", 162_000_000, nil),
        ("bpifrance-acceleration", 22_000_000, nil), ("france-travail-formation", 10_000_000, nil),
        ("business-france-coachs", nil, 38), ("business-france-attractivite", nil, 21), ("dgefp-etudes", nil, 44),
        ("dgefp-bilans", nil, 1716), ("apec-ateliers", nil, 676), ("fonds-friches", nil, 106),
        // « 377 VTE ont été signés dans les Territoires d’industrie », « 50 [antennes Cnam] en
        // Territoires d’industrie », « 12 écoles ont déjà été soutenues » (seed 003, l. 795, 805, 786)
        ("vte-contrats", nil, 377), ("cnam-antennes", nil, 50), ("ecoles-production", nil, 12),
        // « 145 jours d’accompagnement par des consultants » (l. 1213-1219)
        ("ingenierie-mutations", nil, 145),
        ("regions-investissement", 426_000_000, nil),
    ]
    static let from = try! CivilDate(parsing: "2019-01-15")
    static let to = try! CivilDate(parsing: "2021-09-20")

    static func make(regions: [String], seed: UInt64) -> [CommitmentContent] {
        var rng = SeededRandom(seed: seed)
        var out: [CommitmentContent] = []
        let span = to.days(since: from)
        for line in lines {
            let parts = line.instrument == "regions-investissement" ? regions.count : 3 + Int(rng.next() % 5)
            let total = line.euros.map { $0 * 100 } ?? Int64(line.quantity!)
            let shares = apportion(total, weights: (0..<parts).map { _ in rng.lognormal(0.6) })
            for (k, share) in shares.enumerated() where share > 0 {
                let on = from.adding(days: Int(rng.next() % UInt64(span)))
                let region = line.instrument == "regions-investissement" ? regions[k] : nil
                out.append(
                    CommitmentContent(
                        instrument: line.instrument, on: on, region: region, amount: line.euros == nil ? nil : EuroCents(cents: share),
                        quantity: line.euros == nil ? Int(share) : nil, note: "Engagement de démonstration."))
            }
        }
        return out
    }
}
