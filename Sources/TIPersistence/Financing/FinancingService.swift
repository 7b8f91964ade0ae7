import FluentKit
import Foundation
import TIDomain

/// Records the partners' commitments: admins for every partner, an operator for its own.
public enum FinancingService {
    /// Whether `principal` enters commitments of `instrument`'s partner.
    public static func mayRecord(_ principal: Principal, partner: String) -> Bool {
        principal.role == .admin || (principal.role == .partner && principal.scope.partner == partner)
    }

    /// The instruments `principal` may enter commitments on (the fund's are counted, never entered).
    public static func enterable(by principal: Principal, on db: any Database) async throws -> [FinancingQueries.Instrument] {
        try await FinancingQueries.instruments(on: db).filter { !$0.fromFund && mayRecord(principal, partner: $0.partner) }
    }

    @discardableResult
    public static func record(
        _ content: CommitmentContent, by actor: AuditLog.Actor, principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> UUID {
        guard principal.role == .admin || principal.role == .partner else {
            throw FundError(
                .forbidden, "engagement_interdit", "Seuls l’administration nationale et les partenaires enregistrent des engagements.")
        }
        let problems = try await problems(of: content, principal: principal, today: today, on: db)
        guard problems.isEmpty else {
            throw FundError(.invalid, "engagement_invalide", "L’engagement comporte des erreurs.", fields: problems)
        }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            if let reference = content.reference,
                try await CommitmentRecord.query(on: db).filter(\.$instrumentCode == content.instrument).filter(\.$reference == reference)
                    .count() > 0
            {
                throw FundError(
                    .conflict, "engagement_existant", "Un engagement de cet instrument porte déjà la référence « \(reference) ».")
            }
            let record = CommitmentRecord(content, by: actor)
            try await record.create(on: db)
            try await audit("engagement.creation", record, content, by: actor, on: db)
            return try record.requireID()
        }
    }

    /// Every problem of one commitment by form field: the content's own, and those only the
    /// database knows (the instrument, the région, whose instrument it is).
    static func problems(
        of content: CommitmentContent, principal: Principal, today: CivilDate, on db: any Database,
        instruments: [FinancingQueries.Instrument]? = nil, regions: Set<String>? = nil
    ) async throws -> [String: String] {
        var all = instruments ?? []
        if instruments == nil { all = try await FinancingQueries.instruments(on: db) }
        let instrument = all.first { $0.code == content.instrument }
        var problems = content.problems(unit: instrument?.unit, today: today)
        if let instrument {
            if instrument.fromFund {
                problems["instrument"] = "Le fonds d’accélération se compte à partir de ses enveloppes : il ne se saisit pas."
            } else if !mayRecord(principal, partner: instrument.partner) {
                problems["instrument"] = "L’instrument « \(instrument.code) » n’est pas celui de votre organisation."
            }
        } else if !content.instrument.isEmpty {
            problems["instrument"] = "L’instrument « \(content.instrument.prefix(60)) » n’existe pas."
        }
        if let region = content.region {
            var known = regions ?? []
            if regions == nil { known = Set(try await GeoQueries.regionsByName(on: db).map(\.code)) }
            if !known.contains(region) {
                problems["region"] = "La région « \(region.prefix(20)) » n’existe pas (code INSEE, par exemple 84)."
            }
        }
        if let action = content.action, try await ActionRecord.find(action, on: db) == nil {
            problems["action"] = "Aucune action de plan ne porte l’identifiant \(action.uuidString)."
        }
        return problems
    }

    /// A partner's file: all or nothing, problems numbered by line; a line whose reference is
    /// already stored for its instrument updates it (or leaves it alone when nothing changed).
    public static func importFile(
        _ text: String, by actor: AuditLog.Actor, principal: Principal, today: CivilDate, on db: any Database
    ) async throws -> ActionService.ImportSummary {
        guard principal.role == .admin || principal.role == .partner else {
            throw FundError(
                .forbidden, "engagement_interdit", "Seuls l’administration nationale et les partenaires importent des engagements.")
        }
        let file: DelimitedText
        do { file = try DelimitedText(parsing: text) } catch { throw ImportRejected([ImportIssue(line: 1, message: error.message)]) }
        let (lines, read) = CommitmentCSV.read(file)
        var issues = read
        if lines.isEmpty, !issues.isEmpty { throw ImportRejected(issues) }
        let instruments = try await FinancingQueries.instruments(on: db)
        let regions = Set(try await GeoQueries.regionsByName(on: db).map(\.code))
        for (line, content) in lines {
            let problems = try await problems(
                of: content, principal: principal, today: today, on: db, instruments: instruments, regions: regions)
            for key in problems.keys.sorted() { issues.append(ImportIssue(line: line, message: problems[key]!)) }
        }
        guard issues.isEmpty else { throw ImportRejected(issues.sorted { $0.line < $1.line }) }
        return try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            var summary = ActionService.ImportSummary()
            for (_, content) in lines {
                let existing = try await CommitmentRecord.query(on: db)
                    .filter(\.$instrumentCode == content.instrument).filter(\.$reference == content.reference).first()
                if let existing {
                    if existing.content == content {
                        summary.unchanged += 1
                        continue
                    }
                    existing.update(content, by: actor)
                    try await existing.save(on: db)
                    try await audit("engagement.modification", existing, content, by: actor, on: db)
                    summary.updated += 1
                } else {
                    let record = CommitmentRecord(content, by: actor)
                    try await record.create(on: db)
                    try await audit("engagement.creation", record, content, by: actor, on: db)
                    summary.created += 1
                }
            }
            return summary
        }
    }

    static func audit(
        _ event: String, _ record: CommitmentRecord, _ content: CommitmentContent, by actor: AuditLog.Actor, on db: any Database
    ) async throws {
        try await AuditLog.record(
            event, by: actor, object: "engagement", id: try record.requireID().uuidString,
            after: [
                "instrument": content.instrument, "date": content.on.iso, "reference": content.reference ?? "",
                "montant_centimes": content.amount.map { String($0.cents) } ?? "", "quantite": content.quantity.map(String.init) ?? "",
            ], on: db)
    }
}
