/// The zonings that make a commune "fragile" for the programme's indicators.
public enum ZoningKind: String, CaseIterable, Codable, Sendable, Comparable {
    case qpv, afr, zrr, acv

    /// Short label used in tables and badges.
    public var label: String {
        switch self {
        case .qpv: "QPV"
        case .afr: "AFR"
        case .zrr: "ZRR"
        case .acv: "ACV"
        }
    }

    public var longLabel: String {
        switch self {
        case .qpv: "Quartier prioritaire de la politique de la ville"
        case .afr: "Zone d’aides à finalité régionale"
        case .zrr: "Zone de revitalisation rurale"
        case .acv: "Action cœur de ville"
        }
    }

    public init(validating input: String) throws(DomainError) {
        guard let kind = ZoningKind(rawValue: input.lowercased()) else {
            throw DomainError("zonage_inconnu", "Le zonage « \(input) » est inconnu : choisissez qpv, afr, zrr ou acv.")
        }
        self = kind
    }

    public static func < (a: ZoningKind, b: ZoningKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
