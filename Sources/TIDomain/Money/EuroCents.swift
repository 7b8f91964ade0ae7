/// An amount of money in euro cents. Money is never a floating-point number.
public struct EuroCents: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, AdditiveArithmetic {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }
    public init(euros: Int64) {
        let (cents, overflow) = euros.multipliedReportingOverflow(by: 100)
        self.cents = overflow ? (euros > 0 ? .max : .min) : cents
    }

    public static let zero = EuroCents(cents: 0)
    /// Saturating: a sum of stored amounts can be absurd, never a crash.
    public static func + (a: EuroCents, b: EuroCents) -> EuroCents { EuroCents(cents: a.cents +| b.cents) }
    public static func - (a: EuroCents, b: EuroCents) -> EuroCents {
        let (difference, overflow) = a.cents.subtractingReportingOverflow(b.cents)
        return EuroCents(cents: overflow ? (b.cents > 0 ? .min : .max) : difference)
    }
    public static func < (a: EuroCents, b: EuroCents) -> Bool { a.cents < b.cents }

    /// Parses a French-formatted amount in euros: `1 234 567,89`, `1234567.89`, `1 200 000 €`,
    /// at most `InputLimits.maxEuros` in absolute value.
    public init(parsingEuros input: String) throws(DomainError) {
        var text = input.filter { !" \u{00A0}\u{202F}€".contains($0) }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.replacingOccurrences(",", ".").split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (1...2).contains(parts.count), isDigits(parts[0]), parts[0].count <= 15,
            parts.count == 1 || (isDigits(parts[1]) && parts[1].count <= 2),
            let whole = Int64(parts[0]), whole <= InputLimits.maxEuros
        else {
            throw DomainError(
                "montant_invalide",
                "Le montant « \(input) » est invalide : écrivez un nombre d’euros, par exemple 1 250 000 ou 1 250 000,50 (100 milliards d’euros au plus)."
            )
        }
        var cents = whole * 100
        if parts.count == 2 {
            let fraction = parts[1].count == 1 ? parts[1] + "0" : parts[1]
            cents += Int64(fraction)!
        }
        self.cents = negative ? -cents : cents
    }

    /// `1 234 567,89 €` with narrow no-break spaces, cents omitted when zero.
    public var formatted: String {
        let sign = cents < 0 ? "−" : ""
        let absolute = cents.magnitude
        let euros = FrenchNumber.grouped(absolute / 100)
        let rest = absolute % 100
        return rest == 0 ? "\(sign)\(euros) €" : "\(sign)\(euros),\(rest < 10 ? "0" : "")\(rest) €"
    }

    /// `5,4 Md€`, `573,4 M€`, `12 k€`: for dashboards.
    public var compact: String {
        let euros = Double(cents) / 100
        switch abs(euros) {
        case 1_000_000_000...: return FrenchNumber.decimal(euros / 1_000_000_000, digits: 1) + " Md€"
        case 1_000_000...: return FrenchNumber.decimal(euros / 1_000_000, digits: 1) + " M€"
        case 1_000...: return FrenchNumber.decimal(euros / 1_000, digits: 0) + " k€"
        default: return formatted
        }
    }

    public var description: String { formatted }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
