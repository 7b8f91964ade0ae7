import Foundation

/// Search on a normalised column (lower-cased, accents folded), so that searching behaves
/// the same on SQLite and PostgreSQL (no ILIKE, no collation differences).
public enum SearchText {
    public static func normalise(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
            .lowercased()
            .replacingOccurrences(of: "’", with: "'")
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
    }

    /// A LIKE pattern that matches `query` anywhere; the query's own `%`, `_` and `\` are dropped,
    /// so no ESCAPE clause is needed (SQLite and PostgreSQL differ on the default escape).
    public static func likeAnywhere(_ query: String) -> String {
        "%" + normalise(query).filter { $0 != "%" && $0 != "_" && $0 != "\\" } + "%"
    }
}

extension Sequence {
    /// In the order a French reader expects a list of names: case, accents and apostrophes ignored.
    public func sortedByName(_ name: (Element) -> String) -> [Element] {
        map { (key: SearchText.normalise(name($0)), element: $0) }.sorted { $0.key < $1.key }.map(\.element)
    }
}
