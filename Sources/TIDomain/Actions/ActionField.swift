/// A field of an action sheet its territory may mark internal: shown to the territory, its Région
/// and the admins, never published.
public enum ActionField: String, CaseIterable, Codable, Sendable {
    case description
    case carrier = "porteur"
    case siren
    case investment = "investissement"

    public var label: String {
        switch self {
        case .description: "Description"
        case .carrier: "Nom du porteur"
        case .siren: "SIREN du porteur"
        case .investment: "Investissement prévu"
        }
    }

    /// `a,b` as stored, in `allCases` order; unknown codes are dropped on reading.
    public static func stored(_ fields: Set<ActionField>) -> String? {
        fields.isEmpty ? nil : allCases.filter(fields.contains).map(\.rawValue).joined(separator: ",")
    }

    public static func parse(_ stored: String?) -> Set<ActionField> {
        Set((stored ?? "").split(separator: ",").compactMap { ActionField(rawValue: String($0)) })
    }
}

extension ActionContent {
    /// The sheet as the public sees it: the internal fields emptied.
    public func published(hiding fields: Set<ActionField>) -> ActionContent {
        var c = self
        if fields.contains(.description) { c.description = "" }
        if fields.contains(.carrier) { c.carrierName = nil }
        if fields.contains(.siren) { c.siren = nil }
        if fields.contains(.investment) { c.plannedInvestment = nil }
        return c
    }
}
