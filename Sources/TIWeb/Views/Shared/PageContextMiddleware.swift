import TIDomain
import Vapor

struct PageContextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let context = await PageContext.of(request)
        return try await PageContext.$current.withValue(context) {
            try await next.respond(to: request)
        }
    }
}
