import Foundation
import TIDomain

/// Turnkey industrial sites by wave as the seeds give them (003): 12 in January 2020 and 66 with
/// the Pack Rebond of July 2020 (78 in the 2020 editions), 49 announced on 23 September 2021; on
/// communes of Territoires d'industrie, SaôneOr (Fragnes-la-Loyère) among them, where Vicky Foods
/// builds its plant on 14 ha.
enum DemoSites {
    static let waves: [(SiteWave, Int)] = [(.chooseFrance2020, 12), (.packRebond2020, 66), (.edition2021, 49)]
    static let saoneOr = "71204"
    static let kinds = ["Parc d’activités", "Zone industrielle", "Parc industriel", "Zone d’activités économiques", "Site industriel"]

    static func make(_ geo: DemoGeography, territories: [DemoTerritoryPlan.Planned], seed: UInt64) -> [SiteContent] {
        var rng = SeededRandom(seed: seed)
        let tiEpcis = Set(territories.filter { $0.profile.endDate == nil }.flatMap(\.epcis))
        var candidates = geo.communes.values.filter { c in
            c.epci.map(tiEpcis.contains) == true && (1_000...40_000).contains(c.population) && c.code != saoneOr
        }.sorted { $0.code < $1.code }
        rng.shuffle(&candidates)
        var sites: [SiteContent] = []
        var next = 0
        for (wave, count) in waves {
            for k in 0..<count {
                if wave == .packRebond2020 && k == 0, let place = geo.communes[saoneOr] {
                    sites.append(
                        SiteContent(
                            name: "SaôneOr", commune: InseeCode(place.code)!, surface: 1_100_000, available: 460_000, planningCleared: true,
                            archaeologyCleared: true, environmentCleared: true, wave: wave, contactName: "Agence économique régionale",
                            settled: "Vicky Foods (usine de viennoiseries et de pains, 14 ha)"))
                    continue
                }
                let place = candidates[next]
                next += 1
                let surface = (5 + Int(rng.next() % 120)) * 10_000 + Int(rng.next() % 10) * 1_000
                sites.append(
                    SiteContent(
                        name: "\(rng.pick(kinds)) de \(place.name)", commune: InseeCode(place.code)!, surface: surface,
                        available: surface * (30 + Int(rng.next() % 71)) / 100 / 1_000 * 1_000, planningCleared: true,
                        archaeologyCleared: rng.unit() < 0.92, environmentCleared: rng.unit() < 0.9, wave: wave,
                        contactName: "Service développement économique"))
            }
        }
        return sites
    }
}
