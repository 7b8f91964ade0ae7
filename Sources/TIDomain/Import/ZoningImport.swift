/// Validation of a zoning list: a CSV with a `code_insee` column (other columns are ignored),
/// one commune per line. Every code must be well formed and known.
public enum ZoningImport {
    public static let codeColumn = "code_insee"

    /// - Parameter resolve: maps a well-formed code to the commune it designates (arrondissements and
    ///   delegated communes map to their commune), or nil when unknown.
    public static func validate(_ file: DelimitedText, resolve: (InseeCode) -> InseeCode?) -> Result<Set<InseeCode>, ImportRejected> {
        guard let column = file.header.firstIndex(of: codeColumn) else {
            return .failure(ImportRejected([ImportIssue(line: 1, message: "colonne obligatoire « \(codeColumn) » absente")]))
        }
        var issues: [ImportIssue] = []
        var communes: Set<InseeCode> = []
        for record in file.records {
            let raw = column < record.fields.count ? record.fields[column] : ""
            do {
                let code = try InseeCode(validating: raw)
                if let commune = resolve(code) {
                    communes.insert(commune)
                } else {
                    issues.append(ImportIssue(line: record.line, message: "commune \(code) inconnue du référentiel géographique"))
                }
            } catch {
                issues.append(ImportIssue(line: record.line, message: raw.isEmpty ? "code INSEE manquant" : error.message))
            }
        }
        if file.records.isEmpty { issues.append(ImportIssue(line: 1, message: "aucune commune dans le fichier")) }
        return issues.isEmpty ? .success(communes) : .failure(ImportRejected(issues))
    }
}
