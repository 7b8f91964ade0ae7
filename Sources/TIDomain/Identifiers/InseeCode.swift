/// The INSEE code of a commune: five characters, two for the département
/// (`01`–`95`, `2A`/`2B` in Corsica, `97x` overseas) then the commune's number.
public struct InseeCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts surrounding spaces and a lower-case `2a`/`2b`; rejects anything else with a French message.
    public init(validating input: String) throws(DomainError) {
        let value = input.trimmingASCIISpaces().uppercased()
        guard InseeCode.isWellFormed(value) else {
            throw DomainError(
                "insee_invalide", "Le code INSEE « \(input) » est invalide : il faut 5 caractères, par exemple 01001, 2A004 ou 97411.")
        }
        rawValue = value
    }

    public init?(_ input: String) {
        guard let code = try? InseeCode(validating: input) else { return nil }
        self = code
    }

    static func isWellFormed(_ value: String) -> Bool {
        let chars = Array(value.utf8)
        guard chars.count == 5 else { return false }
        let isDigit = { (c: UInt8) in c >= 48 && c <= 57 }
        guard chars[2...].allSatisfy(isDigit) else { return false }
        if chars[0] == UInt8(ascii: "2"), chars[1] == UInt8(ascii: "A") || chars[1] == UInt8(ascii: "B") {
            return true
        }
        guard isDigit(chars[0]), isDigit(chars[1]) else { return false }
        return !(chars[0] == 48 && chars[1] == 48)  // no département 00
    }

    /// The département part: `2A`, `75`, `971`.
    public var departementCode: String {
        rawValue.hasPrefix("97") ? String(rawValue.prefix(3)) : String(rawValue.prefix(2))
    }

    public var description: String { rawValue }
    public static func < (a: InseeCode, b: InseeCode) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try InseeCode(validating: raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
