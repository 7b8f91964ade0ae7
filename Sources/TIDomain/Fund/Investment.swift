/// Planned investment by category, in cents.
public struct Investment: Codable, Sendable, Equatable {
    public var buildings: EuroCents
    public var equipment: EuroCents
    public var intangible: EuroCents
    public var other: EuroCents

    public init(buildings: EuroCents = .zero, equipment: EuroCents = .zero, intangible: EuroCents = .zero, other: EuroCents = .zero) {
        self.buildings = buildings
        self.equipment = equipment
        self.intangible = intangible
        self.other = other
    }

    public var total: EuroCents { buildings + equipment + intangible + other }

    public static let categories: [(key: String, label: String)] = [
        ("investissement_immobilier", "Immobilier et bâtiments"),
        ("investissement_equipement", "Équipements et machines"),
        ("investissement_immateriel", "Immatériel (logiciels, études, brevets)"),
        ("investissement_autre", "Autres dépenses"),
    ]
}
