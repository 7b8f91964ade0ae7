import FluentKit
import Foundation
import TIDomain

/// Survey campaigns: created and launched by admins, answered through personal links (no account),
/// reminded to those who have not answered.
public enum SurveyService {
    /// What the campaign form sends, as typed.
    public struct Draft: Sendable, Equatable {
        public var title = ""
        public var introduction = ""
        public var questionnaire = ""
        public var population = SurveyPopulation.territories.rawValue
        public var call = ""
        public var from = ""
        public var to = ""
        public var closesOn = ""

        public init() {}
    }

    /// A personal link to mail: the token in clear exists only here, the database keeps its hash.
    public struct Issued: Sendable, Equatable {
        public var email: String
        public var name: String
        public var token: String
    }

    /// A new token: (clear, hash).
    public typealias TokenMaker = @Sendable () -> (token: String, hash: String)

    static func requireAdmin(_ principal: Principal) throws {
        guard principal.role == .admin else {
            throw FundError(.forbidden, "enquete_interdite", "Seule l’administration nationale gère les enquêtes.")
        }
    }

    /// Creates a campaign (not yet sent).
    public static func create(_ d: Draft, today: CivilDate, by actor: AuditLog.Actor, principal: Principal, on db: any Database)
        async throws -> UUID
    {
        try requireAdmin(principal)
        var problems: [String: String] = [:]
        let title = d.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            problems["titre"] = "Donnez un titre à l’enquête."
        } else if title.count > 200 {
            problems["titre"] = "Le titre dépasse 200 caractères."
        }
        if d.introduction.count > 4_000 { problems["introduction"] = "L’introduction dépasse 4 000 caractères." }
        var questionnaire: Questionnaire?
        switch QuestionnaireText.parse(d.questionnaire) {
        case .success(let q): questionnaire = q
        case .failure(let p): problems["questionnaire"] = p.lines.prefix(10).joined(separator: " ")
        }
        let population = SurveyPopulation(rawValue: d.population)
        if population == nil { problems["population"] = "Choisissez la population interrogée." }
        var callID: UUID?
        var from: CivilDate?
        var to: CivilDate?
        if population == .laureates {
            if !d.call.isEmpty {
                if let id = UUID(uuidString: d.call), try await FundCall.find(id, on: db) != nil {
                    callID = id
                } else {
                    problems["appel"] = "Cet appel n’existe pas."
                }
            }
            from = try? CivilDate(parsing: d.from)
            to = try? CivilDate(parsing: d.to)
            if !d.from.isEmpty && from == nil { problems["du"] = "Date invalide (jj/mm/aaaa ou aaaa-mm-jj)." }
            if !d.to.isEmpty && to == nil { problems["au"] = "Date invalide (jj/mm/aaaa ou aaaa-mm-jj)." }
            if let from, let to, to < from { problems["au"] = "La fin de la période précède son début." }
        }
        let closes = try? CivilDate(parsing: d.closesOn)
        if closes == nil {
            problems["cloture"] = "Indiquez la date de clôture (jj/mm/aaaa)."
        } else if let closes, closes < today {
            problems["cloture"] = "La date de clôture est passée."
        }
        guard problems.isEmpty, let questionnaire, let population, let closes else {
            throw FundError(.invalid, "enquete_invalide", "L’enquête comporte des erreurs.", fields: problems)
        }
        let campaign = SurveyCampaign()
        campaign.id = UUID()
        campaign.title = title
        campaign.introduction = d.introduction.trimmingCharacters(in: .whitespacesAndNewlines)
        campaign.questionnaireJSON = SurveyCampaign.json(questionnaire)
        campaign.population = population
        campaign.callID = callID
        campaign.laureatesFrom = from?.iso
        campaign.laureatesTo = to?.iso
        campaign.closesOn = closes.iso
        campaign.createdEpoch = actor.at.timeIntervalSince1970
        let id = campaign.id!
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await campaign.create(on: db)
            try await AuditLog.record(
                "enquete.creation", by: actor, object: "enquete", id: id.uuidString,
                after: ["titre": title, "population": population.rawValue, "cloture": closes.iso], on: db)
        }
        return id
    }

    /// Who a campaign goes to, one per address: the territories' active accounts, or the laureates
    /// (the account that filed each laureate application) of its call or decided in its period.
    static func recipients(of c: SurveyCampaign, on db: any Database) async throws -> [(email: String, name: String, region: String?)] {
        var out: [String: (String, String, String?)] = [:]
        switch c.population {
        case .territories:
            let regions = Dictionary(
                try await GeoQueries.territorySummaries(on: db).map { ($0.id.rawValue, $0.regions.first) }, uniquingKeysWith: { a, _ in a })
            for u in try await User.query(on: db).filter(\.$role == .territory).filter(\.$active == true).all() {
                out[u.email] = (u.email, u.displayName, u.territoryID.flatMap { regions[$0] ?? nil })
            }
        case .laureates:
            var query = FundApplication.query(on: db)
            if let call = c.callID { query = query.filter(\.$call.$id == call) }
            let applications = try await query.all().filter { a in
                guard a.state.isLaureate else { return false }
                if let from = c.laureatesFrom, (a.decidedOn ?? "") < from { return false }
                if let to = c.laureatesTo, (a.decidedOn ?? "9999") > to { return false }
                return true
            }
            let owners = Set(applications.compactMap(\.createdBy))
            let users = Dictionary(
                try await User.query(on: db).filter(\.$id ~~ owners).filter(\.$active == true).all().map { ($0.id!, $0) },
                uniquingKeysWith: { a, _ in a })
            for a in applications {
                guard let owner = a.createdBy, let u = users[owner] else { continue }
                out[u.email] = (u.email, a.carrierName ?? u.displayName, a.regionCode)
            }
        }
        return out.values.sorted { $0.0 < $1.0 }.map { (email: $0.0, name: $0.1, region: $0.2) }
    }

    /// Sends the campaign: one invitation per recipient not yet invited. Returns the links to mail.
    public static func launch(
        _ id: UUID, today: CivilDate, token: TokenMaker, by actor: AuditLog.Actor, principal: Principal, on db: any Database
    ) async throws -> [Issued] {
        try requireAdmin(principal)
        let campaign = try await open(id, today: today, on: db)
        let invited = Set(try await SurveyInvitation.query(on: db).filter(\.$campaign.$id == id).all().map(\.email))
        let fresh = try await recipients(of: campaign, on: db).filter { !invited.contains($0.email) }
        let issued = fresh.map { r in (r, token()) }
        let epoch = actor.at.timeIntervalSince1970
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            for (r, t) in issued {
                let invitation = SurveyInvitation(campaign: id, tokenHash: t.hash, email: r.email, name: r.name, region: r.region)
                invitation.sentEpoch = epoch
                try await invitation.create(on: db)
            }
            campaign.launchedEpoch = campaign.launchedEpoch ?? epoch
            try await campaign.save(on: db)
            try await AuditLog.record(
                "enquete.envoi", by: actor, object: "enquete", id: id.uuidString, after: ["invitations": String(issued.count)], on: db)
        }
        return issued.map { Issued(email: $0.0.email, name: $0.0.name, token: $0.1.token) }
    }

    /// A new link for each invitation not yet submitted (the previous link stops working; a
    /// saved draft stays). Returns the links to mail.
    public static func remind(
        _ id: UUID, today: CivilDate, token: TokenMaker, by actor: AuditLog.Actor, principal: Principal, on db: any Database
    ) async throws -> [Issued] {
        try requireAdmin(principal)
        _ = try await open(id, today: today, on: db)
        let pending = try await SurveyInvitation.query(on: db).filter(\.$campaign.$id == id).filter(\.$submittedEpoch == nil).all()
        let issued = pending.map { ($0, token()) }
        let epoch = actor.at.timeIntervalSince1970
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            for (invitation, t) in issued {
                invitation.tokenHash = t.hash
                invitation.remindedEpoch = epoch
                invitation.reminders += 1
                try await invitation.save(on: db)
            }
            try await AuditLog.record(
                "enquete.relance", by: actor, object: "enquete", id: id.uuidString, after: ["relances": String(issued.count)], on: db)
        }
        return issued.map { Issued(email: $0.0.email, name: $0.0.name, token: $0.1.token) }
    }

    /// The campaign, if it is still open to answers.
    static func open(_ id: UUID, today: CivilDate, on db: any Database) async throws -> SurveyCampaign {
        guard let campaign = try await SurveyCampaign.find(id, on: db) else {
            throw FundError(.notFound, "enquete_inconnue", "Cette enquête n’existe pas.")
        }
        guard campaign.closesOn >= today.iso else {
            throw FundError(.conflict, "enquete_close", "Cette enquête est close depuis le \(campaignCloses(campaign)).")
        }
        return campaign
    }

    static func campaignCloses(_ c: SurveyCampaign) -> String { (try? CivilDate(parsing: c.closesOn))?.french ?? c.closesOn }

    /// Saves (`submit` false: a draft, required questions may wait) or submits the answers of the
    /// invitation whose token hashes to `tokenHash`. A submitted invitation takes no more answers.
    public static func answer(
        tokenHash: String, raw: SurveyAnswers, submit: Bool, today: CivilDate, now: Date, on db: any Database
    ) async throws {
        guard let invitation = try await SurveyInvitation.query(on: db).filter(\.$tokenHash == tokenHash).first() else {
            throw FundError(.notFound, "lien_inconnu", "Ce lien n’est pas (ou plus) valable.")
        }
        guard invitation.submittedEpoch == nil else {
            throw FundError(.conflict, "deja_repondu", "Vous avez déjà répondu à cette enquête : merci !")
        }
        let campaign = try await open(invitation.$campaign.id, today: today, on: db)
        let (answers, problems) = campaign.questionnaire.check(raw, submitting: submit)
        guard problems.isEmpty else {
            throw FundError(
                .invalid, "reponses_invalides",
                submit ? "Votre réponse n’est pas encore complète : voyez les questions signalées." : "Certaines réponses sont à corriger.",
                fields: problems)
        }
        let id = try invitation.requireID()
        let epoch = now.timeIntervalSince1970
        try await db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            // One conditional UPDATE: of two submissions at once, the second changes nothing.
            var update = SurveyInvitation.query(on: db).filter(\.$id == id).filter(\.$submittedEpoch == nil)
                .set(\.$answersJSON, to: SurveyInvitation.json(answers)).set(\.$savedEpoch, to: epoch)
            if submit { update = update.set(\.$submittedEpoch, to: epoch).set(\.$submittedOn, to: today.iso) }
            try await update.update()
        }
    }
}
