/// The kind of a row in the official commune list.
public enum CommuneKind: String, CaseIterable, Codable, Sendable {
    /// A commune proper: the only kind with a département, an EPCI and a geometry.
    case commune = "COM"
    /// A delegated commune (former commune inside a commune nouvelle).
    case delegated = "COMD"
    /// An associated commune.
    case associated = "COMA"
    /// A municipal arrondissement (Paris, Lyon, Marseille).
    case arrondissement = "ARM"
    /// A "secteur" of Marseille or Lyon (groups of arrondissements).
    case sector = "SRM"

    public var label: String {
        switch self {
        case .commune: "commune"
        case .delegated: "commune déléguée"
        case .associated: "commune associée"
        case .arrondissement: "arrondissement municipal"
        case .sector: "secteur municipal"
        }
    }

    /// When a code names several rows (01015 is a COM and a COMD), the one to resolve to first.
    public var resolutionPriority: Int {
        switch self {
        case .commune: 0
        case .arrondissement: 1
        case .delegated: 2
        case .associated: 3
        case .sector: 4
        }
    }
}
