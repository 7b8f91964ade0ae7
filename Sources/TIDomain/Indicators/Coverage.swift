/// How many records of the population had the data the figure needs.
public struct Coverage: Codable, Sendable, Equatable {
    /// Records with the data.
    public var known: Int
    /// Records in the population.
    public var total: Int
    /// French, e.g. "taille connue pour 1 142 des 1 416 lauréats".
    public var description: String

    public init(known: Int, total: Int, description: String) {
        self.known = known
        self.total = total
        self.description = description
    }

    /// Share of the population with the data (1 for an empty population).
    public var ratio: Double { total == 0 ? 1 : Double(known) / Double(total) }
}
