/// The waves of qualification of turnkey industrial sites (seed 003): 12 at the Choose France
/// summit of January 2020, 66 with the Pack Rebond of July 2020 (78 in the 2020 editions), 49
/// announced on 23 September 2021.
public enum SiteWave: String, CaseIterable, Codable, Sendable {
    case chooseFrance2020 = "2020-01"
    case packRebond2020 = "2020-07"
    case edition2021 = "2021-09"

    public var label: String {
        switch self {
        case .chooseFrance2020: "Janvier 2020 (sommet Choose France)"
        case .packRebond2020: "Juillet 2020 (Pack Rebond)"
        case .edition2021: "Septembre 2021 (édition 2021)"
        }
    }

    /// The day the wave was announced: a site is qualified from then on.
    public var date: CivilDate {
        switch self {
        case .chooseFrance2020: try! CivilDate(parsing: "2020-01-20")
        case .packRebond2020: try! CivilDate(parsing: "2020-07-20")
        case .edition2021: try! CivilDate(parsing: "2021-09-23")
        }
    }
}
