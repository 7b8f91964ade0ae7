enum Luhn {
    /// Luhn check over ASCII digits (the SIREN/SIRET key).
    static func isValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, char) in digits.reversed().enumerated() {
            var d = Int(char - 48)
            if offset % 2 == 1 {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
        }
        return sum % 10 == 0
    }

    static func digits(_ value: String, count: Int) -> [UInt8]? {
        let bytes = Array(value.utf8)
        guard bytes.count == count, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return bytes
    }
}
