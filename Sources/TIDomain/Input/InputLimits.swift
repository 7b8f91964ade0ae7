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
