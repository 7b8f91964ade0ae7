/// One line of an SCDL « subventions » file another body published (a Région's co-funding of a
/// laureate, say), read and checked before it is matched to an application.
public struct PublishedGrant: Sendable, Equatable {
    public var line: Int
    public var funderName: String
    public var funderSiret: Siret
    public var conventionOn: CivilDate
    /// `referenceDecision`, possibly empty.
    public var reference: String
    public var beneficiaryName: String
    public var beneficiarySiret: Siret?
    public var amount: EuroCents
    public var nature: String
    public var purpose: String

    /// The line's identity for a re-import: the funder and its decision's reference, or the
    /// beneficiary and the date when the file gives no reference.
    public var key: String {
        reference.isEmpty ? "\(beneficiarySiret?.rawValue ?? "")@\(conventionOn.iso)" : reference
    }

    /// The fund's application reference the decision's reference names (`FA-2021-84-00012`,
    /// possibly within a longer reference such as `FA-2021-84-00012-REGION`).
    public var applicationReference: String? {
        let scalars = Array(reference.unicodeScalars)
        guard scalars.count >= 16 else { return nil }
        for start in 0...(scalars.count - 16) {
            let candidate = String(String.UnicodeScalarView(scalars[start..<start + 16]))
            if SCDLImport.isApplicationReference(candidate) { return candidate }
        }
        return nil
    }
}

/// Reads an SCDL « subventions » file (schema 2.1.1; comma or semicolon separated) for import.
/// Every line is checked; problems are given with their line number and nothing is kept unless
/// every line is right.
public enum SCDLImport {
    public static let requiredColumns = ["nomAttribuant", "idAttribuant", "dateConvention", "nomBeneficiaire", "montant"]

    public static func read(_ file: DelimitedText) -> (grants: [PublishedGrant], issues: [ImportIssue]) {
        // Column names are compared without case (`DelimitedText` lowercases the header).
        let missing = requiredColumns.filter { !file.header.contains($0.lowercased()) }
        guard missing.isEmpty else {
            return (
                [],
                [
                    ImportIssue(
                        line: 1,
                        message:
                            "colonne(s) obligatoire(s) du format SCDL « subventions » absente(s) : \(missing.joined(separator: ", "))"
                    )
                ]
            )
        }
        guard !file.records.isEmpty else { return ([], [ImportIssue(line: 1, message: "aucune subvention dans le fichier")]) }
        var grants: [PublishedGrant] = []
        var issues: [ImportIssue] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            func field(_ name: String) -> String {
                guard let index = file.header.firstIndex(of: name.lowercased()), index < record.fields.count else { return "" }
                return record.fields[index]
            }
            var problems: [String] = []
            func check<T>(_ body: () throws(DomainError) -> T) -> T? {
                do { return try body() } catch {
                    problems.append(error.message)
                    return nil
                }
            }
            // Text is bounded at the edge: `objet` as the schema says, the others at 1 000 characters.
            for (name, limit) in [
                ("nomAttribuant", 1_000), ("referenceDecision", 1_000), ("nomBeneficiaire", 1_000), ("objet", 256),
                ("nature", 1_000),
            ] where field(name).unicodeScalars.count > limit {
                problems.append("\(name) dépasse \(limit) caractères")
            }
            let funderName = field("nomAttribuant")
            if funderName.isEmpty { problems.append("nomAttribuant vide") }
            let funderSiret = check { () throws(DomainError) in try Siret(validating: field("idAttribuant")) }
            let date = check { () throws(DomainError) in try CivilDate(parsing: field("dateConvention")) }
            let beneficiaryName = field("nomBeneficiaire")
            if beneficiaryName.isEmpty { problems.append("nomBeneficiaire vide") }
            let rawBeneficiary = field("idBeneficiaire")
            let beneficiarySiret = rawBeneficiary.isEmpty ? nil : check { () throws(DomainError) in try Siret(validating: rawBeneficiary) }
            let amount = check { () throws(DomainError) in try EuroCents(parsingEuros: field("montant")) }
            if let amount, amount <= .zero { problems.append("le montant doit être positif") }
            let reference = field("referenceDecision")
            if reference.isEmpty, rawBeneficiary.isEmpty {
                problems.append("ni referenceDecision ni idBeneficiaire : la ligne ne peut être rattachée à aucun dossier")
            }
            guard problems.isEmpty, let funderSiret, let date, let amount else {
                issues += problems.map { ImportIssue(line: record.line, message: $0) }
                continue
            }
            let grant = PublishedGrant(
                line: record.line, funderName: funderName, funderSiret: funderSiret, conventionOn: date, reference: reference,
                beneficiaryName: beneficiaryName, beneficiarySiret: beneficiarySiret, amount: amount, nature: field("nature"),
                purpose: field("objet"))
            let identity = funderSiret.rawValue + "|" + grant.key
            if let first = seen[identity] {
                issues.append(ImportIssue(line: record.line, message: "même subvention que la ligne \(first) (attribuant et référence)"))
                continue
            }
            seen[identity] = record.line
            grants.append(grant)
        }
        return (grants, issues)
    }

    /// `FA-AAAA-RR-NNNNN`: the fund's application references.
    public static func isApplicationReference(_ text: String) -> Bool {
        let s = Array(text.utf8)
        guard s.count == 16, s[0] == UInt8(ascii: "F"), s[1] == UInt8(ascii: "A"), s[2] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
            s[10] == UInt8(ascii: "-")
        else { return false }
        let digits = [3, 4, 5, 6, 11, 12, 13, 14, 15]
        let region = [8, 9]
        return digits.allSatisfy { (48...57).contains(s[$0]) }
            && region.allSatisfy { (48...57).contains(s[$0]) || (65...90).contains(s[$0]) }
    }
}
