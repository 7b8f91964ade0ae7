import Fluent
import TIDomain
import TIPersistence
import Vapor

extension Request {
    /// The signed-in person as a fund actor.
    func fundActor() throws -> FundService.Actor {
        let user = try requireUser()
        return FundService.Actor(principal: user.principal, name: user.displayName, at: clock.now)
    }

    /// The application of the `:id` parameter, if this person may see it; 404 otherwise
    /// (an application outside one's scope does not exist for them).
    func visibleApplication() async throws -> FundApplication {
        guard let id = parameters.get("id", as: UUID.self), let application = try await ApplicationQueries.find(id, on: db),
            let principal, FundAccess.canSee(application, principal)
        else {
            throw AppError.notFound("Ce dossier n’existe pas ou ne relève pas de votre périmètre.")
        }
        return application
    }
}

extension FundError: AbortError {
    public var status: HTTPResponseStatus {
        switch kind {
        case .invalid: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }

    public var reason: String { message }
}

/// After a fund operation: the notifications it created are e-mailed. A mail failure is logged,
/// never undoes the operation.
enum Notifier {
    /// Names the file and the event: « Dossier FA-2026-84-00012 : votre dossier … a bien été déposé ».
    static func subject(_ text: String, reference: String?) -> String {
        let event = text.split(separator: "\n").first.map(String.init) ?? text
        let line = reference.map { event.contains($0) ? event : "Dossier \($0) : \(event)" } ?? event
        return "Territoires d’industrie — " + (line.count > 140 ? String(line.prefix(139)) + "…" : line)
    }

    static func deliver(_ notifications: [TIPersistence.Notification], on req: Request) async {
        for n in notifications {
            guard let user = try? await TIPersistenceUser.find(n.$user.id, on: req.db) else { continue }
            let link = n.applicationID.map { req.application.config.publicURL + SiteURL.application($0).path } ?? ""
            var reference: String?
            if let id = n.applicationID { reference = try? await FundApplication.find(id, on: req.db)?.reference }
            do {
                try await req.application.sendMail(
                    Mail(
                        to: user.email, subject: subject(n.text, reference: reference),
                        body:
                            "Bonjour,\n\n\(n.text)\n\n\(link)\n\n-- \nTerritoires d’industrie — ce message est envoyé automatiquement, merci de ne pas y répondre.\n",
                        date: req.clock.now))
            } catch {
                req.logger.warning("notification e-mail not sent: \(error)")
            }
        }
    }
}
