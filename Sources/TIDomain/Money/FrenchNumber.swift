/// Number formatting the French way (narrow no-break space between thousands, comma decimal),
/// without depending on the machine's locale.
public enum FrenchNumber {
    public static let thousandsSeparator = "\u{202F}"

    public static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let negative = value < 0
        let digits = Array(String(value.magnitude))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += thousandsSeparator }
            out.append(d)
        }
        return negative ? "−" + out : out
    }

    public static func decimal(_ value: Double, digits: Int) -> String {
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9.0e18 else { return (value < 0 ? "−" : "") + grouped(Int64(saturating: abs(value))) }
        let whole = Int64(scaled / factor)
        let fraction = Int64(scaled) - whole * Int64(factor)
        var text = grouped(whole)
        if digits > 0 {
            var f = String(fraction)
            while f.count < digits { f = "0" + f }
            text += "," + f
        }
        return value < 0 && scaled != 0 ? "−" + text : text
    }

    /// `69 %`, `84,2 %` from a ratio in 0…1.
    public static func percent(_ ratio: Double, digits: Int = 0) -> String {
        decimal(ratio * 100, digits: digits) + "\u{00A0}%"
    }
}
