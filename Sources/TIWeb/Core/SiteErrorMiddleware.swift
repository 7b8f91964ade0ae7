import TIDomain
import TIPersistence
import Vapor

/// Turns every error into a response: JSON `{"error": {"code", "message"}}` under /api, an HTML
/// page elsewhere. The client's mistakes get a 4xx with a French message; anything else is a 500,
/// logged with its context, and its details are never shown.
struct SiteErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, code, message) = describe(error, request: request)
            let overloaded = code == Self.overloadedCode
            if overloaded {
                request.logger.warning("\(request.method) \(request.loggablePath): \(String(reflecting: error))")
            } else if status.code >= 500 {
                request.logger.error("\(request.method) \(request.loggablePath): \(String(reflecting: error))")
            }
            // Error pages keep the header of the signed-in person (the error was thrown below
            // the middleware that sets it for ordinary pages).
            let context = await PageContext.of(request)
            let response = PageContext.$current.withValue(context) {
                Self.render(status: status, code: code, message: message, for: request)
            }
            if overloaded { response.headers.replaceOrAdd(name: .retryAfter, value: Self.retryAfterSeconds) }
            return response
        }
    }

    func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, String) {
        switch error {
        case let error as AppError:
            return (error.status, error.code, error.message)
        case let error as FundError:
            return (error.status, error.code, error.message)
        case let error as DomainError:
            return (.badRequest, error.code, error.message)
        case is ConnectionPoolTimeoutError, ConnectionPoolError.shutdown:
            // Every database connection stayed busy for the pool's whole wait (a burst of writes),
            // or the server is stopping: nothing was done, the same request can be sent again.
            return (.serviceUnavailable, Self.overloadedCode, Self.overloaded)
        case let error as DecodingError:
            return (.badRequest, "requete_invalide", "La requête est mal formée : \(Self.describe(decoding: error))")
        case let error as any AbortError:
            let status = error.status
            switch status {
            case .notFound: return (status, "introuvable", "Cette page n’existe pas ou n’est plus disponible.")
            case .methodNotAllowed: return (status, "methode_interdite", "Cette méthode n’est pas permise ici.")
            case .payloadTooLarge:
                return (
                    status, "trop_volumineux",
                    "L’envoi dépasse 25 Mo : revenez en arrière et joignez les fichiers en plusieurs fois (10 Mo au plus chacun)."
                )
            default:
                let message =
                    status.code < 500
                    ? error.reason : "Une erreur est survenue de notre côté. Elle a été enregistrée ; réessayez plus tard."
                return (status, status.code < 500 ? "requete_invalide" : "erreur_interne", message)
            }
        default:
            return (
                .internalServerError, "erreur_interne",
                "Une erreur est survenue de notre côté. Elle a été enregistrée ; réessayez plus tard."
            )
        }
    }

    /// A busy database (503, `Retry-After`), unlike the other 503s (no PDF printer) that waiting does not mend.
    static let overloadedCode = "surcharge"
    static let overloaded =
        "Le service est très sollicité en ce moment et n’a rien enregistré : renvoyez votre demande dans quelques secondes."
    static let retryAfterSeconds = "2"

    static func describe(decoding error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? context.debugDescription : "champ « \(field) » : \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "champ « \(key.stringValue) » manquant"
        @unknown default:
            return "contenu illisible"
        }
    }

    static func render(status: HTTPResponseStatus, code: String, message: String, for request: Request) -> Response {
        let response: Response
        if request.url.path.hasPrefix("/api/") || request.url.path == "/healthz" {
            struct Body: Content { var error: Detail }
            struct Detail: Content {
                var code: String
                var message: String
            }
            response = Response(status: status)
            try? response.content.encode(Body(error: Detail(code: code, message: message)))
        } else {
            let page = ErrorPage(
                status: status, message: message, title: code == overloadedCode ? "Service momentanément surchargé" : nil)
            response = Response(status: status, body: .init(string: page.render()))
            response.headers.contentType = .html
        }
        return response
    }
}
