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
