/// The identifier of a Territoire d'industrie, e.g. `TI-084-001` or `grand-annecy`:
/// 1 to 32 letters, digits, `-` or `_`, starting with a letter or digit.
public struct TerritoryID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(validating input: String) throws(DomainError) {
        let value = input.trimmingASCIISpaces()
        let bytes = Array(value.utf8)
        let isAlnum = { (c: UInt8) in (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) }
        guard (1...32).contains(bytes.count), isAlnum(bytes[0]),
            bytes.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else {
            throw DomainError(
                "ti_id_invalide", "L’identifiant de territoire « \(input) » est invalide : 1 à 32 lettres, chiffres, « - » ou « _ ».")
        }
        rawValue = value
    }

    public init?(_ input: String) {
        guard let id = try? TerritoryID(validating: input) else { return nil }
        self = id
    }

    public var description: String { rawValue }
    public static func < (a: TerritoryID, b: TerritoryID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try TerritoryID(validating: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
