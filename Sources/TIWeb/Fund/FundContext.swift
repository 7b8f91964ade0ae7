import Fluent
import TIDomain
import TIPersistence
import Vapor

extension Request {
    /// The signed-in person as a fund actor.
    func fundActor() throws -> FundService.Actor {
        let user = try requireUser()
        return FundService.Actor(principal: user.principal, name: user.displayName)
    }

    /// The application of the `:id` parameter, if this person may see it; 404 otherwise
    /// (an application outside one's scope does not exist for them).
    func visibleApplication() async throws -> FundApplication {
        guard let id = parameters.get("id", as: UUID.self), let application = try await FundApplication.find(id, on: db),
              let principal, FundAccess.canSee(application, principal) else {
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
    static func deliver(_ notifications: [TIPersistence.Notification], on req: Request) async {
        for n in notifications {
            guard let user = try? await TIPersistenceUser.find(n.$user.id, on: req.db) else { continue }
            let link = n.applicationID.map { req.application.config.publicURL + SiteURL.application($0.uuidString).path } ?? ""
            do {
                try await req.application.mailer.send(Mail(to: user.email, subject: "Territoires d’industrie : votre dossier",
                                                           body: "Bonjour,\n\n\(n.text)\n\n\(link)\n"))
            } catch {
                req.logger.warning("notification e-mail not sent: \(error)")
            }
        }
    }
}
