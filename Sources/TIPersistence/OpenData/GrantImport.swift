import FluentKit
import Foundation
import TIDomain

/// `ti import grants FILE.csv` and the admin page: an SCDL « subventions » file another body
/// published (a Région's co-funding of the fund's laureates) is matched line by line to the
/// applications, then kept as `cofundings`.
///
/// - A line names its application by the reference in `referenceDecision` (`FA-2021-84-00012…`),
///   else by the beneficiary's SIRET (its SIREN is the company's) and the date: the company's one
///   laureate application decided on or before `dateConvention`.
/// - All or nothing: any line that cannot be read or matched is reported with its number and
///   nothing is written.
/// - Idempotent: a line is identified by its funder's SIRET and its reference (or beneficiary and
///   date), so importing the same file again changes nothing, and a corrected file updates.
public enum GrantImport {
    public static func importFile(_ text: String, by actor: AuditLog.Actor, on db: any Database) async throws
        -> ActionService.ImportSummary
    {
        let file: DelimitedText
        do { file = try DelimitedText(parsing: text) } catch { throw ImportRejected([ImportIssue(line: 1, message: error.message)]) }
        let (grants, readIssues) = SCDLImport.read(file)
        var issues = readIssues
        let matched = try await match(grants, issues: &issues, on: db)
        guard issues.isEmpty else { throw ImportRejected(issues.sorted { $0.line < $1.line }) }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            var summary = ActionService.ImportSummary()
            for (grant, application) in matched {
                let existing = try await Cofunding.query(on: db)
                    .filter(\.$funderSiret == grant.funderSiret.rawValue).filter(\.$importKey == grant.key).first()
                let record: Cofunding
                if let existing {
                    if existing.says(grant, application: application) {
                        summary.unchanged += 1
                        continue
                    }
                    existing.applicationID = application
                    existing.set(grant, at: actor.at.timeIntervalSince1970)
                    record = existing
                    try await record.save(on: db)
                    summary.updated += 1
                } else {
                    record = Cofunding(application: application, grant, at: actor.at.timeIntervalSince1970)
                    try await record.create(on: db)
                    summary.created += 1
                }
                try await AuditLog.record(
                    existing == nil ? "cofinancement.creation" : "cofinancement.modification", by: actor, object: "cofinancement",
                    id: try record.requireID().uuidString,
                    after: [
                        "dossier": application.uuidString, "attribuant": grant.funderSiret.rawValue, "reference": grant.key,
                        "date": grant.conventionOn.iso, "montant_centimes": String(grant.amount.cents),
                    ], on: db)
            }
            return summary
        }
    }

    /// Each line's application, or an issue saying why there is none.
    static func match(_ grants: [PublishedGrant], issues: inout [ImportIssue], on db: any Database) async throws
        -> [(PublishedGrant, UUID)]
    {
        let references = Set(grants.compactMap(\.applicationReference))
        let sirens = Set(grants.compactMap { $0.beneficiarySiret.map { String($0.rawValue.prefix(9)) } })
        var byReference: [String: FundApplication] = [:]
        for chunk in Array(references).chunked(500) {
            for a in try await FundApplication.query(on: db).filter(\.$reference ~~ chunk).all() { byReference[a.reference ?? ""] = a }
        }
        var bySiren: [String: [FundApplication]] = [:]
        for chunk in Array(sirens).chunked(500) {
            for a in try await FundApplication.query(on: db).filter(\.$siren ~~ chunk).all() {
                bySiren[a.siren ?? "", default: []].append(a)
            }
        }
        var matched: [(PublishedGrant, UUID)] = []
        for grant in grants {
            let siren = grant.beneficiarySiret.map { String($0.rawValue.prefix(9)) }
            if let reference = grant.applicationReference {
                guard let application = byReference[reference], let id = application.id else {
                    issues.append(ImportIssue(line: grant.line, message: "aucun dossier du fonds ne porte la référence \(reference)"))
                    continue
                }
                guard application.state.isLaureate else {
                    issues.append(ImportIssue(line: grant.line, message: "le dossier \(reference) n’est pas lauréat"))
                    continue
                }
                if let siren, siren != application.siren {
                    issues.append(
                        ImportIssue(
                            line: grant.line,
                            message:
                                "le SIRET \(grant.beneficiarySiret!.rawValue) n’est pas un établissement de l’entreprise du dossier \(reference) (SIREN \(application.siren ?? "inconnu"))"
                        ))
                    continue
                }
                matched.append((grant, id))
            } else if let siren {
                let candidates = (bySiren[siren] ?? []).filter {
                    $0.state.isLaureate && ($0.decidedOn.flatMap { try? CivilDate(parsing: $0) }.map { $0 <= grant.conventionOn } ?? false)
                }
                switch candidates.count {
                case 0:
                    issues.append(
                        ImportIssue(
                            line: grant.line,
                            message:
                                "aucun dossier lauréat de l’entreprise SIREN \(siren) décidé au plus tard le \(grant.conventionOn.french)"
                        ))
                case 1:
                    matched.append((grant, candidates[0].id!))
                default:
                    issues.append(
                        ImportIssue(
                            line: grant.line,
                            message:
                                "\(candidates.count) dossiers lauréats pour l’entreprise SIREN \(siren) : indiquez la référence du dossier (\(candidates.compactMap(\.reference).sorted().joined(separator: ", "))) dans referenceDecision"
                        ))
                }
            } else {
                issues.append(
                    ImportIssue(
                        line: grant.line,
                        message:
                            "la référence « \(grant.reference) » ne contient pas de référence de dossier (FA-…) et idBeneficiaire est vide")
                )
            }
        }
        return matched
    }
}

/// A co-funding as the admin page lists it.
public struct CofundingRow: Sendable, Equatable {
    public var applicationID: UUID
    public var applicationReference: String
    public var beneficiary: String
    public var funder: String
    public var reference: String
    public var conventionOn: CivilDate
    public var amount: EuroCents
}

extension GrantImport {
    /// The co-fundings imported, latest convention first, and how many in all.
    public static func latest(limit: Int, on db: any Database) async throws -> (rows: [CofundingRow], total: Int) {
        let total = try await Cofunding.query(on: db).count()
        let records = try await Cofunding.query(on: db).sort(\.$conventionOn, .descending).sort(\.$importKey).limit(limit).all()
        let applications = Dictionary(
            try await FundApplication.query(on: db).filter(\.$id ~~ Set(records.map(\.applicationID))).all().compactMap { a in
                a.id.map { ($0, a.reference ?? "") }
            }, uniquingKeysWith: { first, _ in first })
        let rows = records.compactMap { r -> CofundingRow? in
            guard let date = try? CivilDate(parsing: r.conventionOn) else { return nil }
            return CofundingRow(
                applicationID: r.applicationID, applicationReference: applications[r.applicationID] ?? "", beneficiary: r.beneficiaryName,
                funder: r.funderName, reference: r.reference, conventionOn: date, amount: EuroCents(cents: r.amountCents))
        }
        return (rows, total)
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (for `IN` lists the databases accept).
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
