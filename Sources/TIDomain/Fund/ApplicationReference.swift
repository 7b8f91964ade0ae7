/// Application references: `FA-2021-84-00123` (year of submission, région, sequence).
public enum ApplicationReference {
    public static func make(year: Int, region: String, sequence: Int) -> String {
        let seq = String(sequence)
        return "FA-\(year)-\(region)-" + String(repeating: "0", count: max(0, 5 - seq.count)) + seq
    }
}
