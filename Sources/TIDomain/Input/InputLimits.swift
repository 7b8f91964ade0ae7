/// The documented maximum of every number that comes from outside (forms, query strings, API
/// bodies, import files). Values beyond these are refused at the edge with a French message, so
/// that no later arithmetic can overflow and no stored value can break a page.
public enum InputLimits {
    /// Page numbers of every paginated list (pages and API).
    public static let maxPage = 10_000
    /// Counts of people or things: jobs created, kept or relocated, training places, people.
    public static let maxCount = 1_000_000
    /// Money in one field: 100 billion euros.
    public static let maxEuros: Int64 = 100_000_000_000
    /// Free text in one form field (descriptions, messages, motivations).
    public static let maxTextLength = 20_000
    /// Short text (names, titles, search queries).
    public static let maxShortTextLength = 500
}

/// Parses a count typed by a person: digits with optional spaces (`1 250`), 0 to `InputLimits.maxCount`.
public enum BoundedCount {
    public static func parse(_ raw: String, field: String = "nombre") throws(DomainError) -> Int {
        let digits = raw.filter { !$0.isWhitespace }
        guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(digits), n <= InputLimits.maxCount
        else {
            throw DomainError(
                "nombre_invalide",
                "« \(raw.prefix(40)) » n’est pas un nombre entier entre 0 et \(FrenchNumber.grouped(Int64(InputLimits.maxCount))) (\(field))."
            )
        }
        return n
    }
}
