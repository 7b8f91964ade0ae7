import Foundation

/// A partner's yearly file of commitments (one a line, `;`-separated), as partners send them:
/// validated all or nothing, problems numbered by line. Each line carries the partner's own
/// reference, unique per instrument, so that importing a file again changes nothing.
public enum CommitmentCSV {
    public static let requiredColumns = ["reference", "instrument", "date"]
    public static let optionalColumns = ["region", "territoire", "montant_eur", "quantite", "note", "action"]
    public static var columns: [String] { requiredColumns + optionalColumns }
    /// A file holds at most this many commitments.
    public static let maxLines = 5_000

    /// The file's commitments (each with its reference), or every problem of form found. Whether
    /// the instrument exists and is counted in that unit is the service's check, by line too.
    public static func validate(_ file: DelimitedText) -> Result<[(line: Int, content: CommitmentContent)], ImportRejected> {
        let (lines, issues) = read(file)
        return issues.isEmpty ? .success(lines) : .failure(ImportRejected(issues))
    }

    /// The lines that read well, and the problems of the others (a problem of the header or of
    /// the file's size alone, with no line).
    public static func read(_ file: DelimitedText) -> (lines: [(line: Int, content: CommitmentContent)], issues: [ImportIssue]) {
        let (index, headerIssues) = file.columns(required: requiredColumns, optional: optionalColumns)
        guard headerIssues.isEmpty else { return ([], headerIssues) }
        if file.records.isEmpty { return ([], [ImportIssue(line: 1, message: "aucun engagement dans le fichier")]) }
        if file.records.count > maxLines {
            return ([], [ImportIssue(line: 1, message: "plus de \(maxLines) engagements : découpez le fichier")])
        }
        var issues: [ImportIssue] = []
        var out: [(line: Int, content: CommitmentContent)] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            let line = record.line
            func value(_ c: String) -> String? { record.value(c, in: index).map(ActionPlanCSV.unescape) }
            func fail(_ message: String) { issues.append(ImportIssue(line: line, message: message)) }
            let reference = value("reference") ?? ""
            let instrument = (value("instrument") ?? "").lowercased()
            if reference.isEmpty { fail("la référence est obligatoire") }
            if reference.count > 100 { fail("la référence tient en 100 caractères") }
            let key = instrument + "|" + reference.lowercased()
            if let first = seen[key] {
                fail("la référence « \(reference) » de l’instrument « \(instrument) » figure déjà ligne \(first)")
                continue
            }
            seen[key] = line
            var on: CivilDate?
            do { on = try CivilDate(parsing: value("date") ?? "") } catch { fail("date : \(error.message)") }
            var amount: EuroCents?
            if let raw = value("montant_eur") {
                do { amount = try EuroCents(parsingEuros: raw) } catch { fail("montant_eur : \(error.message)") }
            }
            var quantity: Int?
            if let raw = value("quantite") {
                do { quantity = try BoundedCount.parse(raw, field: "quantite") } catch { fail(error.message) }
            }
            var territory: TerritoryID?
            if let raw = value("territoire") {
                do { territory = try TerritoryID(validating: raw) } catch { fail("territoire : \(error.message)") }
            }
            var action: UUID?
            if let raw = value("action") {
                action = UUID(uuidString: raw)
                if action == nil {
                    fail("action : « \(raw.prefix(40)) » n’est pas l’identifiant d’une action (celui de son adresse /actions/…)")
                }
            }
            if amount != nil, quantity != nil { fail("indiquez un montant ou une quantité, pas les deux") }
            if amount == nil, quantity == nil { fail("indiquez le montant (montant_eur) ou la quantité (quantite)") }
            guard let on, issues.last?.line != line else { continue }
            out.append(
                (
                    line,
                    CommitmentContent(
                        instrument: instrument, on: on, region: value("region"), territory: territory, amount: amount,
                        quantity: quantity, note: value("note"), reference: reference, action: action)
                ))
        }
        return (out, issues)
    }

    /// Commitments as a file `validate` reads back to the same commitments.
    public static func export(_ commitments: [CommitmentContent]) -> String {
        CSVField.line(columns)
            + commitments.map { c in
                CSVField.line([
                    c.reference ?? "", c.instrument, c.on.iso, c.region ?? "", c.territory?.rawValue ?? "",
                    c.amount.map(ActionPlanCSV.plainEuros) ?? "", c.quantity.map(String.init) ?? "", c.note ?? "",
                    c.action?.uuidString ?? "",
                ])
            }.joined()
    }
}
