/// E-mail addresses, normalised to lower case and checked for a plausible shape.
public enum EmailAddress {
    public static func normalise(_ input: String) throws(DomainError) -> String {
        let value = input.trimmingASCIISpaces().lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            value.count <= 254, !value.contains(where: { $0 == " " || $0 == "," || $0 == ";" })
        else {
            throw DomainError("courriel_invalide", "L’adresse électronique « \(input) » est invalide.")
        }
        return value
    }
}
