import Foundation
import TIDomain

/// What the demonstration dataset must reproduce: the state of the programme at 24 September 2021,
/// as published (DOMAIN.md §2 and the regional annex of the three-year report). The generator
/// calibrates the records so that the indicator engine finds exactly these figures.
enum DemoTargets {
    struct RegionRow {
        var code: String  // région code, or "OM" for the five overseas régions together
        var territories: Int  // TI counted in the région (an interregional TI counts in both)
        var actionPlanProjects: Int
        var laureates: Int
        var investmentEuros: Int64
        var aidEuros: Int64
        var jobs: Int
        var stateOnly: Bool
    }

    static let reportDate = try! CivilDate(parsing: "2021-09-24")

    static let regions: [RegionRow] = [
        .init(
            code: "84", territories: 18, actionPlanProjects: 262, laureates: 120, investmentEuros: 391_100_000, aidEuros: 54_000_000,
            jobs: 2286, stateOnly: false),
        .init(
            code: "27", territories: 10, actionPlanProjects: 112, laureates: 87, investmentEuros: 285_500_000, aidEuros: 41_700_000,
            jobs: 1966, stateOnly: false),
        .init(
            code: "53", territories: 10, actionPlanProjects: 55, laureates: 85, investmentEuros: 256_100_000, aidEuros: 29_700_000,
            jobs: 1548, stateOnly: false),
        .init(
            code: "24", territories: 9, actionPlanProjects: 171, laureates: 103, investmentEuros: 276_500_000, aidEuros: 35_200_000,
            jobs: 1637, stateOnly: false),
        .init(
            code: "94", territories: 2, actionPlanProjects: 14, laureates: 10, investmentEuros: 21_400_000, aidEuros: 3_800_000, jobs: 89,
            stateOnly: true),
        .init(
            code: "44", territories: 15, actionPlanProjects: 133, laureates: 142, investmentEuros: 746_300_000, aidEuros: 52_100_000,
            jobs: 2219, stateOnly: false),
        .init(
            code: "32", territories: 13, actionPlanProjects: 141, laureates: 110, investmentEuros: 591_900_000, aidEuros: 53_900_000,
            jobs: 3022, stateOnly: false),
        .init(
            code: "11", territories: 9, actionPlanProjects: 54, laureates: 160, investmentEuros: 324_900_000, aidEuros: 51_800_000,
            jobs: 2614, stateOnly: false),
        .init(
            code: "28", territories: 10, actionPlanProjects: 188, laureates: 90, investmentEuros: 844_800_000, aidEuros: 41_900_000,
            jobs: 2161, stateOnly: false),
        .init(
            code: "75", territories: 14, actionPlanProjects: 165, laureates: 126, investmentEuros: 391_600_000, aidEuros: 56_500_000,
            jobs: 2294, stateOnly: false),
        .init(
            code: "76", territories: 10, actionPlanProjects: 191, laureates: 91, investmentEuros: 326_000_000, aidEuros: 38_600_000,
            jobs: 2357, stateOnly: false),
        .init(
            code: "52", territories: 15, actionPlanProjects: 134, laureates: 137, investmentEuros: 600_200_000, aidEuros: 50_000_000,
            jobs: 2802, stateOnly: false),
        .init(
            code: "93", territories: 8, actionPlanProjects: 141, laureates: 101, investmentEuros: 271_300_000, aidEuros: 43_000_000,
            jobs: 1808, stateOnly: false),
        .init(
            code: "OM", territories: 8, actionPlanProjects: 42, laureates: 54, investmentEuros: 94_800_000, aidEuros: 21_200_000, jobs: 452,
            stateOnly: true),
    ]

    /// Overseas laureates by région (the annex gives only the group).
    static let overseasLaureates: [String: Int] = ["04": 20, "01": 12, "02": 10, "03": 7, "06": 5]
    /// Overseas TI by région (8 in all).
    static let overseasTerritories: [String: Int] = ["04": 2, "01": 2, "02": 2, "03": 1, "06": 1]

    static let laureates = 1416
    static let fragile = 977  // 69 %
    static let sizeKnown = 1142
    static let smeOrMidcap = 959  // 84 % of 1 142
    static let jobsCreatedShare = 0.52  // realised at end 2023, of planned jobs, on the same 1 142
    static let sectorKnown = 1126
    static let stakesKnown = 1256
    static let relocation = (count: 209, investment: Int64(995_000_000), relocatedJobs: 5753)
    static let skills = (count: 82, investment: Int64(321_000_000), trainingPlaces: 1968)
    static let skillsCategories: [SkillsCategory: Int] = [
        .ecoleProduction: 14, .cfa: 9, .poleExcellence: 10, .inHouseTraining: 28, .academicPartnership: 21,
    ]
    static let ecological = (count: 479, investment: Int64(2_300_000_000))
    static let ecologicalCategories: [EcologicalCategory: Int] = [
        .hydrogen: 48, .biosourced: 56, .optimisation: 239, .decarbonisation: 68, .circular: 160,
    ]
    static let collaborative = 50
    /// Of which the collective « compétences » projects (seed 003): 17, 8.80 M€ of aid, 975 people trained.
    static let collaborativeSkills = (count: 17, aidEuros: Int64(8_800_000), trained: 975)

    /// The State's 700 M€ (of which 31 M€ for collaborative projects) and the Régions' 143 M€.
    static let stateEnvelopeEuros: Int64 = 700_000_000
    static let collaborativeEnvelopeEuros: Int64 = 31_000_000
    static let regionEnvelopeEuros: Int64 = 143_000_000

    static let chefsDeProjet = (persons: 50, territories: 56)

    /// The fund as it grew: 400 M€ from the State at the launch of France Relance (call opening,
    /// 7 Sept. 2020), +300 M€ in March 2021 (of which the collaborative projects' 31 M€); each
    /// Région's share is allotted when it commits its first aid.
    static let launch = try! CivilDate(parsing: "2020-09-07")
    static let launchStateEnvelopeEuros: Int64 = 400_000_000
    static let reinforcement = try! CivilDate(parsing: "2021-03-15")
    static let collaborativeOpens = try! CivilDate(parsing: "2021-01-15")

    /// The first laureates, announced at the general assembly of 15 Dec. 2020 (seed 001): 253 projects,
    /// 1.4 Md€ of investment, nearly 143 M€ of public aid, over 5 000 jobs, 69 % in fragile territories.
    static let firstAssembly = try! CivilDate(parsing: "2020-12-15")
    static let firstDecisions = try! CivilDate(parsing: "2020-10-15")
    static let firstLaureates = 253
    static let firstInvestmentEuros: ClosedRange<Int64> = 1_350_000_000...1_449_999_999
    static let firstAidEuros: ClosedRange<Int64> = 142_500_000...142_999_999
    static let firstJobs = 5_001...5_200
    static let firstFragile = 174...175  // 69 % of 253 (174 and 175 round to 69 %, 176 to 70 %)

    /// The published « 47 % of planned jobs to be created by the end of 2023 » was a forecast made
    /// in the applications (the 1 142 laureates with the data); what was actually created is a
    /// separate figure, known from the follow-ups entered in January 2024.
    static let jobsBy2023Share = 0.47
    static let followUpRecorded = try! CivilDate(parsing: "2024-01-15")

    /// Vicky Foods received 2.2 M€ (seed 003, l. 870), above the temporary framework's 1.8 M€: its
    /// aid comes under the regional aid regime, whose ceiling here is the demonstration's.
    static let regionalAidRegime = (
        id: "SA.40453", label: "Aides à finalité régionale, régime cadre exempté SA.40453 (plafond de démonstration)",
        ceilingEuros: Int64(7_500_000)
    )
}

/// A small deterministic random generator (SplitMix64): the same seed gives the same dataset.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Log-normal around 1 with the given spread.
    mutating func lognormal(_ sigma: Double) -> Double {
        let u1 = max(unit(), 1e-12)
        let u2 = unit()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        return exp(sigma * normal)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// Fisher–Yates, deterministic for a seed.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }

    /// A valid SIREN (Luhn key).
    mutating func siren() -> String {
        var digits = (0..<8).map { _ in Int(next() % 10) }
        if digits[0] == 0 { digits[0] = 3 }
        for check in 0...9 {
            let candidate = digits + [check]
            var sum = 0
            for (i, d) in candidate.reversed().enumerated() {
                var v = d
                if i % 2 == 1 {
                    v *= 2
                    if v > 9 { v -= 9 }
                }
                sum += v
            }
            if sum % 10 == 0 { return candidate.map(String.init).joined() }
        }
        return "552100554"
    }
}

/// Integer apportionment (largest remainder): shares of `total` proportional to `weights`, summing exactly.
func apportion(_ total: Int64, weights: [Double]) -> [Int64] {
    guard !weights.isEmpty else { return [] }
    let sum = weights.reduce(0, +)
    guard sum > 0 else {
        var out = [Int64](repeating: total / Int64(weights.count), count: weights.count)
        out[0] += total - out.reduce(0, +)
        return out
    }
    let raw = weights.map { Double(total) * $0 / sum }
    var out = raw.map { Int64($0.rounded(.down)) }
    var rest = total - out.reduce(0, +)
    let order = raw.indices.sorted { (raw[$0] - Double(out[$0])) > (raw[$1] - Double(out[$1])) }
    var i = 0
    while rest > 0 {
        out[order[i % order.count]] += 1
        rest -= 1
        i += 1
    }
    return out
}
