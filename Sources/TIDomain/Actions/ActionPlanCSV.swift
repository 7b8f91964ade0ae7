import Foundation

/// A territory's action plan as a CSV file (one action a line, `;`-separated): validated all or
/// nothing, problems numbered by line; what `export` writes, `validate` reads back unchanged.
public enum ActionPlanCSV {
    public static let requiredColumns = ["reference", "titre", "axe", "thematiques", "type_porteur", "statut", "date_statut", "specifique"]
    public static let optionalColumns = ["description", "porteur", "siren", "investissement_prevu_eur"]
    public static var columns: [String] {
        [
            "reference", "titre", "description", "axe", "thematiques", "type_porteur", "porteur", "siren",
            "investissement_prevu_eur", "statut", "date_statut", "specifique",
        ]
    }
    /// A plan holds at most this many actions (the largest of the programme has about a hundred).
    public static let maxActions = 2_000

    /// The file's actions, or every problem found.
    public static func validate(_ file: DelimitedText, today: CivilDate) -> Result<[ActionContent], ImportRejected> {
        let (index, headerIssues) = file.columns(required: requiredColumns, optional: optionalColumns)
        guard headerIssues.isEmpty else { return .failure(ImportRejected(headerIssues)) }
        if file.records.isEmpty { return .failure(ImportRejected([ImportIssue(line: 1, message: "aucune action dans le fichier")])) }
        if file.records.count > maxActions {
            return .failure(ImportRejected([ImportIssue(line: 1, message: "plus de \(maxActions) actions : découpez le fichier")]))
        }
        var issues: [ImportIssue] = []
        var actions: [ActionContent] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            let line = record.line
            func value(_ c: String) -> String? { record.value(c, in: index).map(unescape) }
            func fail(_ message: String) { issues.append(ImportIssue(line: line, message: message)) }
            let reference = value("reference") ?? ""
            if let first = seen[reference.lowercased()] {
                fail("la référence « \(reference) » figure déjà ligne \(first)")
                continue
            }
            seen[reference.lowercased()] = line
            let axis = value("axe").flatMap { match($0, ActionAxis.allCases, \.rawValue, \.label) }
            if axis == nil {
                fail("axe « \(value("axe") ?? "") » inconnu : \(ActionAxis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var themes = Set<ActionTheme>()
            for raw in (value("thematiques") ?? "").split(separator: "|").map({ String($0).trimmingASCIISpaces() }) where !raw.isEmpty {
                if let t = match(raw, ActionTheme.allCases, \.rawValue, \.label) {
                    themes.insert(t)
                } else {
                    fail("thématique « \(raw) » inconnue : \(ActionTheme.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            }
            let carrier = value("type_porteur").flatMap { match($0, ActionCarrierType.allCases, \.rawValue, \.label) }
            if carrier == nil { fail("type_porteur « \(value("type_porteur") ?? "") » inconnu : public, prive ou mixte") }
            let status = value("statut").flatMap { match($0, ActionStatus.allCases, \.rawValue, \.label) }
            if status == nil {
                fail("statut « \(value("statut") ?? "") » inconnu : \(ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var statusOn: CivilDate?
            do { statusOn = try CivilDate(parsing: value("date_statut") ?? "") } catch { fail("date_statut : \(error.message)") }
            let specific: Bool? =
                switch value("specifique")?.lowercased() {
                case "oui": true
                case "non": false
                default: nil
                }
            if specific == nil { fail("specifique vaut « oui » ou « non »") }
            var siren: Siren?
            if let raw = value("siren") { do { siren = try Siren(validating: raw) } catch { fail("siren : \(error.message)") } }
            var investment: EuroCents?
            if let raw = value("investissement_prevu_eur") {
                do { investment = try EuroCents(parsingEuros: raw) } catch { fail("investissement_prevu_eur : \(error.message)") }
            }
            guard let axis, let carrier, let status, let statusOn, let specific else { continue }
            let action = ActionContent(
                reference: reference, title: value("titre") ?? "", description: value("description") ?? "", axis: axis, themes: themes,
                carrierType: carrier, carrierName: value("porteur"), siren: siren, plannedInvestment: investment, status: status,
                statusOn: statusOn, specific: specific)
            let problems = action.problems(today: today)
            for key in problems.keys.sorted() { fail(problems[key]!) }
            if problems.isEmpty { actions.append(action) }
        }
        return issues.isEmpty ? .success(actions) : .failure(ImportRejected(issues))
    }

    /// The plan as a file `validate` reads back to the same actions, by reference.
    public static func export(_ actions: [ActionContent]) -> String {
        CSVField.line(columns)
            + actions.sorted { $0.reference.localizedStandardCompare($1.reference) == .orderedAscending }.map {
                CSVField.line(fields(of: $0))
            }
            .joined()
    }

    /// One action's values, in the order of `columns`.
    public static func fields(of a: ActionContent) -> [String] {
        [
            a.reference, a.title, a.description, a.axis.rawValue,
            ActionTheme.allCases.filter(a.themes.contains).map(\.rawValue).joined(separator: "|"), a.carrierType.rawValue,
            a.carrierName ?? "", a.siren?.rawValue ?? "", a.plannedInvestment.map(plainEuros) ?? "", a.status.rawValue, a.statusOn.iso,
            a.specific ? "oui" : "non",
        ]
    }

    /// `1234567,89` (no grouping, cents only when there are some): what `EuroCents(parsingEuros:)` reads.
    public static func plainEuros(_ amount: EuroCents) -> String {
        let sign = amount.cents < 0 ? "-" : ""
        let cents = amount.cents.magnitude
        return sign + String(cents / 100) + (cents % 100 == 0 ? "" : "," + String(format: "%02d", Int(cents % 100)))
    }

    /// The apostrophe `CSVField` puts before a value a spreadsheet would run as a formula.
    static func unescape(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(second)
        else { return value }
        return String(value.dropFirst())
    }

    /// A value by its code or its French label, without regard to case.
    static func match<T>(_ raw: String, _ all: [T], _ code: KeyPath<T, String>, _ label: KeyPath<T, String>) -> T? {
        let key = raw.trimmingASCIISpaces().lowercased()
        return all.first { $0[keyPath: code].lowercased() == key || $0[keyPath: label].lowercased() == key }
    }
}
