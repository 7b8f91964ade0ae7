import Foundation

/// A partner's commitment to the programme, as entered: an amount in euros, or a count in the
/// instrument's unit; dated, and placed in a région, a TI or an action where it is known.
public struct CommitmentContent: Codable, Sendable, Equatable {
    public var instrument: String
    public var on: CivilDate
    public var region: String?
    public var territory: TerritoryID?
    public var amount: EuroCents?
    public var quantity: Int?
    public var note: String?
    /// The partner's own reference (files imported every year carry it; forms do not).
    public var reference: String?
    /// The action of a territory's plan it finances.
    public var action: UUID?

    public init(
        instrument: String, on: CivilDate, region: String? = nil, territory: TerritoryID? = nil, amount: EuroCents? = nil,
        quantity: Int? = nil, note: String? = nil, reference: String? = nil, action: UUID? = nil
    ) {
        self.action = action
        self.reference = reference
        self.instrument = instrument
        self.on = on
        self.region = region
        self.territory = territory
        self.amount = amount
        self.quantity = quantity
        self.note = note
    }

    public static let maxAmount = EuroCents(euros: 10_000_000_000)
    public static let maxQuantity = 1_000_000

    /// Problems by form field, in French; empty when it can be stored.
    public func problems(unit: CommitmentUnit?, today: CivilDate) -> [String: String] {
        var p: [String: String] = [:]
        guard let unit else { return ["instrument": "Choisissez un instrument."] }
        if unit == .euros {
            if quantity != nil { p["quantite"] = "Cet instrument se compte en euros : indiquez un montant, pas une quantité." }
            if let a = amount {
                if a <= .zero || a > Self.maxAmount { p["montant"] = "Le montant est positif, au plus 10 milliards d’euros." }
            } else {
                p["montant"] = "Indiquez le montant engagé."
            }
        } else {
            if amount != nil { p["montant"] = "Cet instrument se compte en \(unit.label(2)) : indiquez une quantité, pas un montant." }
            if let q = quantity {
                if q <= 0 || q > Self.maxQuantity { p["quantite"] = "La quantité est un nombre entier positif, au plus 1 000 000." }
            } else {
                p["quantite"] = "Indiquez le nombre de \(unit.label(2))."
            }
        }
        if on > today { p["date"] = "La date de l’engagement ne peut pas être dans le futur." }
        if let n = note, n.count > 1_000 { p["note"] = "La note tient en 1 000 caractères." }
        return p
    }
}
