/// A small CSV reader for files that people prepare (spreadsheet exports): RFC 4180 quoting,
/// comma or semicolon separator (detected on the header line), UTF-8 BOM ignored, CRLF accepted.
/// Each record keeps the line number it starts on, so errors can point at it.
public struct DelimitedText: Sendable {
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var records: [Record]

    public init(parsing input: String) throws(DomainError) {
        var text = Substring(input)
        if text.first == "\u{FEFF}" { text.removeFirst() }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let separator: Character = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","

        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil

        func endField() {
            fields.append(fieldWasQuoted ? field : field.trimmingASCIISpaces())
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.allSatisfy({ $0 == " " }):
                field = ""
                inQuotes = true
                fieldWasQuoted = true
            case separator:
                endField()
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw DomainError("csv_guillemets", "Ligne \(recordLine) : un champ entre guillemets n’est jamais refermé.")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw DomainError("csv_vide", "Le fichier est vide : il faut au moins une ligne d’en-tête.")
        }
        header = first.fields.map { $0.lowercased() }
        self.records = Array(records.dropFirst())
    }
}

extension DelimitedText {
    /// Column positions by name; reports missing required and unknown columns as line-1 issues.
    func columns(required: [String], optional: [String]) -> (index: [String: Int], issues: [ImportIssue]) {
        var index: [String: Int] = [:]
        var issues: [ImportIssue] = []
        let known = Set(required + optional)
        for (i, name) in header.enumerated() {
            if !known.contains(name) {
                issues.append(
                    ImportIssue(
                        line: 1,
                        message: "colonne inconnue « \(name) » (colonnes possibles : \((required + optional).joined(separator: ", ")))"))
            } else if index[name] != nil {
                issues.append(ImportIssue(line: 1, message: "la colonne « \(name) » apparaît deux fois"))
            } else {
                index[name] = i
            }
        }
        for name in required where index[name] == nil {
            issues.append(ImportIssue(line: 1, message: "colonne obligatoire « \(name) » absente"))
        }
        return (index, issues)
    }
}

extension DelimitedText.Record {
    func value(_ column: String, in index: [String: Int]) -> String? {
        guard let i = index[column], i < fields.count else { return nil }
        let v = fields[i]
        return v.isEmpty ? nil : v
    }
}
