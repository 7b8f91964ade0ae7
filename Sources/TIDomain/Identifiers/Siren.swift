/// A SIREN: the 9-digit identifier of a legal unit (company, association, EPCI…),
/// whose last digit is a Luhn key.
public struct Siren: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Spaces are accepted (`552 100 554`) and removed.
    public init(validating input: String) throws(DomainError) {
        let value = input.filter { $0 != " " && $0 != "\u{00A0}" }
        guard let digits = Luhn.digits(value, count: 9) else {
            throw DomainError("siren_format", "Le SIREN « \(input) » doit comporter exactement 9 chiffres.")
        }
        guard Luhn.isValid(digits) else {
            throw DomainError("siren_cle", "Le SIREN « \(input) » est invalide : sa clé de contrôle ne correspond pas.")
        }
        rawValue = value
    }

    public init?(_ input: String) {
        guard let siren = try? Siren(validating: input) else { return nil }
        self = siren
    }

    /// Groups of three digits, as printed on official documents.
    public var formatted: String {
        let c = Array(rawValue)
        return "\(String(c[0..<3])) \(String(c[3..<6])) \(String(c[6..<9]))"
    }

    public var description: String { rawValue }
    public static func < (a: Siren, b: Siren) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try Siren(validating: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
