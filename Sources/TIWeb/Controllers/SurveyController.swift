import Foundation
import TIDomain
import TIPersistence
import Vapor

/// Surveys: the admins' campaigns (create, send, remind), the results (admins and Régions in
/// scope), the answers' CSV, and the respondents' personal questionnaire (no account).
struct SurveyController {
    // MARK: Campaigns (admins)

    func index(req: Request) async throws -> Response {
        HTMLResponse.make(try await page(req).render())
    }

    func page(_ req: Request, form: SurveyService.Draft = .init(), errors: [String: String] = [:]) async throws -> SurveysPage {
        SurveysPage(
            campaigns: try await SurveyQueries.list(on: req.db),
            calls: try await CallQueries.summaries(on: req.db).map { ($0.id.uuidString, $0.title) }, today: req.clock.today,
            form: form, errors: errors)
    }

    func create(req: Request) async throws -> Response {
        let draft = try req.content.decode(SurveyForm.self).draft
        do {
            let id = try await SurveyService.create(
                draft, today: req.clock.today, by: req.auditActor, principal: try req.requirePrincipal(), on: req.db)
            return req.redirect(to: SiteURL.survey(id).path, redirectType: .normal)
        } catch let error as FundError where error.kind == .invalid {
            return HTMLResponse.make(try await page(req, form: draft, errors: error.fields).render(), status: .badRequest)
        }
    }

    static let token: SurveyService.TokenMaker = {
        let token = Secret.generate()
        return (token, Secret.hash(token))
    }

    func launch(req: Request) async throws -> Response {
        let id = try Self.id(req)
        let issued = try await SurveyService.launch(
            id, today: req.clock.today, token: Self.token, by: req.auditActor, principal: try req.requirePrincipal(), on: req.db)
        try await Self.mail(issued, campaign: id, reminder: false, req: req)
        return req.redirect(to: SiteURL.survey(id).path + "?envoyees=\(issued.count)", redirectType: .normal)
    }

    func remind(req: Request) async throws -> Response {
        let id = try Self.id(req)
        let issued = try await SurveyService.remind(
            id, today: req.clock.today, token: Self.token, by: req.auditActor, principal: try req.requirePrincipal(), on: req.db)
        try await Self.mail(issued, campaign: id, reminder: true, req: req)
        return req.redirect(to: SiteURL.survey(id).path + "?relancees=\(issued.count)", redirectType: .normal)
    }

    static func mail(_ issued: [SurveyService.Issued], campaign id: UUID, reminder: Bool, req: Request) async throws {
        guard let c = try await SurveyQueries.campaign(id, on: req.db) else { return }
        let closes = c.closesOn?.french ?? "—"
        for i in issued {
            let link = req.application.config.publicURL + SiteURL.surveyAnswer(i.token).path
            try await req.application.sendMail(
                Mail(
                    to: i.email, subject: "\(reminder ? "Rappel : " : "")enquête Territoires d’industrie — \(c.title)",
                    body: """
                        Bonjour \(i.name),

                        \(reminder ? "Vous n’avez pas encore répondu à l’enquête « \(c.title) ». Votre avis compte : il reste jusqu’au \(closes)." : "L’équipe nationale Territoires d’industrie vous invite à répondre à l’enquête « \(c.title) ».")

                        \(c.introduction)

                        Votre lien personnel (sans compte à créer), valable jusqu’au \(closes) :
                        \(link)

                        Vous pouvez enregistrer vos réponses et revenir les compléter avec ce même lien avant de les envoyer.\(reminder ? " Ce lien remplace celui du message précédent ; vos réponses déjà enregistrées sont conservées." : "")
                        Les résultats ne sont publiés qu’agrégés : aucun groupe de moins de \(SurveyResults.minimumGroup) répondants n’est montré.
                        Ne transférez pas ce message : le lien est personnel.
                        """, date: req.clock.now))
        }
    }

    // MARK: Results (admins, Régions in scope)

    struct Notice: Decodable {
        var envoyees: Int?
        var relancees: Int?
    }

    func show(req: Request) async throws -> Response {
        let (campaign, regions, all) = try await Self.scoped(req)
        let notice = try? req.query.decode(Notice.self)
        let names = Dictionary(try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let isAdmin = regions == nil
        let shown = all.responses.count >= SurveyResults.minimumGroup
        let groups =
            isAdmin
            ? SurveyResults.regionGroups(all.responses).map {
                (name: $0.region.flatMap { names[$0] } ?? "Autres régions (regroupées)", respondents: $0.responses.count)
            } : []
        let page = SurveyResultsPage(
            campaign: campaign,
            results: shown ? SurveyResults(questionnaire: campaign.questionnaire, responses: all.responses, invited: all.invited) : nil,
            invitedInScope: all.invited, respondentsInScope: all.responses.count, regions: groups,
            scopeLabel: regions.map { $0.sorted().compactMap { names[$0] }.joined(separator: ", ") } ?? "France entière",
            isAdmin: isAdmin, today: req.clock.today,
            notice: notice?.envoyees.map {
                "\(Components.plural(min(max($0, 0), 1_000_000), "invitation envoyée", "invitations envoyées"))."
            }
                ?? notice?.relancees.map { "\(Components.plural(min(max($0, 0), 1_000_000), "relance envoyée", "relances envoyées"))." })
        return HTMLResponse.make(page.render())
    }

    /// The answers as a table: one row per respondent (numbered, never named), its région, then
    /// one column per question; free texts for admins only; a Région under the threshold gets none.
    func csv(req: Request) async throws -> Response {
        let (campaign, regions, all) = try await Self.scoped(req)
        guard all.responses.count >= SurveyResults.minimumGroup else {
            throw AppError.notFound("Moins de \(SurveyResults.minimumGroup) réponses dans votre périmètre : pas de fichier, par anonymat.")
        }
        let questions = campaign.questionnaire.questions.filter { regions == nil || $0.kind != .text }
        let rows = all.responses.enumerated().map { i, r in
            [String(i + 1), r.region ?? ""] + questions.map { (r.answers[$0.key] ?? []).joined(separator: " | ") }
        }
        return Download.csv(
            header: ["repondant", "region"] + questions.map(\.key), rows: rows,
            name: "enquete-\(campaign.id.uuidString.prefix(8).lowercased()).csv")
    }

    /// The campaign and the responses a principal may read: admins all, a Région its régions'.
    static func scoped(_ req: Request) async throws -> (
        SurveyQueries.CampaignSummary, Set<String>?, (responses: [SurveyResponse], invited: Int)
    ) {
        let principal = try req.requirePrincipal()
        guard let campaign = try await SurveyQueries.campaign(try id(req), on: req.db) else {
            throw AppError.notFound("Cette enquête n’existe pas.")
        }
        let regions: Set<String>? = principal.role == .admin ? nil : Set(principal.scope.regions)
        return (campaign, regions, try await SurveyQueries.responses(campaign.id, regions: regions, on: req.db))
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound("Cette enquête n’existe pas.") }
        return id
    }

    // MARK: Answering (personal link)

    func answerForm(req: Request) async throws -> Response {
        let (invitation, token) = try await Self.invitation(req)
        return HTMLResponse.make(
            SurveyAnswerPage(invitation: invitation, token: token, state: state(invitation, req), answers: invitation.answers).render())
    }

    func state(_ i: SurveyQueries.Invitation, _ req: Request) -> SurveyAnswerPage.State {
        i.submitted ? .submitted : i.campaign.isOpen(today: req.clock.today) ? .open : .closed
    }

    func answer(req: Request) async throws -> Response {
        let (invitation, token) = try await Self.invitation(req)
        guard state(invitation, req) == .open else {
            return HTMLResponse.make(
                SurveyAnswerPage(invitation: invitation, token: token, state: state(invitation, req), answers: invitation.answers).render(),
                status: .conflict)
        }
        let (raw, action) = Self.posted(req)
        let submit = action == "envoyer"
        do {
            try await SurveyService.answer(
                tokenHash: Secret.hash(token), raw: raw, submit: submit, today: req.clock.today, now: req.clock.now, on: req.db)
        } catch let error as FundError where error.kind == .invalid {
            let fields = Dictionary(error.fields.map { ("q_\($0.key)", $0.value) }, uniquingKeysWith: { a, _ in a })
            return HTMLResponse.make(
                SurveyAnswerPage(invitation: invitation, token: token, state: .open, answers: raw, errors: fields).render(),
                status: .badRequest)
        }
        var saved = invitation
        saved.answers = invitation.campaign.questionnaire.check(raw, submitting: false).answers
        saved.submitted = submit
        return HTMLResponse.make(
            SurveyAnswerPage(invitation: saved, token: token, state: submit ? .submitted : .justSaved, answers: saved.answers).render())
    }

    static func invitation(_ req: Request) async throws -> (SurveyQueries.Invitation, String) {
        let token = req.parameters.get("token") ?? ""
        guard token.count <= 100, let invitation = try await SurveyQueries.invitation(tokenHash: Secret.hash(token), on: req.db) else {
            throw AppError.notFound(
                "Ce lien d’enquête n’est pas valable. S’il vient d’un message ancien, utilisez le lien du dernier rappel reçu.")
        }
        return (invitation, token)
    }

    /// The posted answers (`q_<key>`, repeated for multiple choices) and the button pressed, read
    /// from the URL-encoded body; malformed pairs are skipped.
    static func posted(_ req: Request) -> (SurveyAnswers, String) {
        var answers: SurveyAnswers = [:]
        var action = ""
        let body = req.body.string ?? ""
        for pair in body.split(separator: "&").prefix(5_000) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = parts.first.flatMap(decode), let value = parts.count > 1 ? decode(parts[1]) : "" else { continue }
            if name == "action" {
                action = value
            } else if name.hasPrefix("q_") {
                answers[String(name.dropFirst(2)), default: []].append(value)
            }
        }
        return (answers, action)
    }
}
