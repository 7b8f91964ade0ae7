/// One field of a CSV file we produce, safe for spreadsheets: quoted when it holds the separator,
/// a quote, or any line or tab character (including a bare CR, which Swift folds into one
/// `Character` with a following LF); a leading `=`, `+`, `-`, `@`, tab or CR is neutralised with
/// an apostrophe so that no formula runs.
public enum CSVField {
    public static func escape(_ value: String, separator: Character = ";") -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { v = "'" + v }
        let mustQuote = v.unicodeScalars.contains { "\"\r\n\t,;".unicodeScalars.contains($0) } || v.contains(separator)
        guard mustQuote else { return v }
        return "\"" + v.replacing("\"", with: "\"\"") + "\""
    }

    /// A whole line: fields escaped and joined, ending with CRLF-free `\n`.
    public static func line(_ fields: [String], separator: Character = ";") -> String {
        fields.map { escape($0, separator: separator) }.joined(separator: String(separator)) + "\n"
    }
}
