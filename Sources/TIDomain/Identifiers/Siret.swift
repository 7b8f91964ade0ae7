/// A SIRET: the 14-digit identifier of an establishment (SIREN + 5-digit NIC), Luhn-keyed.
public struct Siret: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(validating input: String) throws(DomainError) {
        let value = input.filter { $0 != " " && $0 != "\u{00A0}" }
        guard let digits = Luhn.digits(value, count: 14) else {
            throw DomainError("siret_format", "Le SIRET « \(input) » doit comporter exactement 14 chiffres.")
        }
        // La Poste's establishments (SIREN 356000000) use a digit-sum rule instead of Luhn.
        let isLaPoste = value.hasPrefix("356000000")
        let valid = isLaPoste ? digits.reduce(0) { $0 + Int($1 - 48) } % 5 == 0 : Luhn.isValid(digits)
        guard valid else {
            throw DomainError("siret_cle", "Le SIRET « \(input) » est invalide : sa clé de contrôle ne correspond pas.")
        }
        rawValue = value
    }

    public var siren: Siren { Siren(String(rawValue.prefix(9)))! }
    public var description: String { rawValue }
}
