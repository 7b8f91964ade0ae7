import Vapor

/// Security headers on every response. The CSP allows no inline script or style.
struct SecurityHeadersMiddleware: Middleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// Future-based: no hop to Swift's executor (see `RequestLogMiddleware`).
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // Errors are turned into responses by the error middleware, which runs inside this one.
        next.respond(to: request).map { Self.secure($0, for: request) }
    }

    static func secure(_ response: Response, for request: Request) -> Response {
        let headers: [(HTTPHeaders.Name, String)] = [
            (.contentSecurityPolicy, contentSecurityPolicy),
            (.xContentTypeOptions, "nosniff"),
            (.xFrameOptions, "DENY"),
            (HTTPHeaders.Name("Referrer-Policy"), "strict-origin-when-cross-origin"),
            (HTTPHeaders.Name("Permissions-Policy"), "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
            (HTTPHeaders.Name("Cross-Origin-Opener-Policy"), "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.isHTTPS {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains")
        }
        if response.headers.cacheControl == nil, request.principal != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        }
        return response
    }
}
