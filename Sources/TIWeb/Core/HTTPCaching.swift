import Foundation
import Vapor

/// The HTTP conventions of a GET, applied per route by `endpoint` (behind its `AccessGuard`):
///
/// - `ETag`: a weak validator, the hash of the body (so it changes with the data version, the
///   code and the date, and two servers give the same one); `If-None-Match` → `304 Not Modified`
///   without a body. `If-Modified-Since` is not evaluated: a page also changes with the day and the
///   release, which a date cannot say.
/// - `Last-Modified`: when this server saw the data version change (`IndicatorCache.lastChange`).
/// - `Cache-Control`: `public, no-cache` for anonymous answers (any cache may keep them, and must
///   revalidate, so a decision shows at once); `private, no-cache` for an API caller with a token
///   and for a page whose form carries the visitor's CSRF token;
///   signed-in pages stay `private, no-store` (`SecurityHeadersMiddleware`) and get no validator;
///   an answer its route marks `immutable` (a map's layer, named by its hash) keeps its own.
/// - `Vary`: `Accept-Encoding`, and `Cookie` for pages (a signed-in visitor's differ), except for
///   the API and `immutable` answers.
/// - CORS: `Access-Control-Allow-Origin: *` on the API's public GETs only, never with credentials
///   (`CORSPreflight` answers their `OPTIONS`).
///
/// Streamed bodies (large CSV exports) are left alone: hashing them would mean holding them.
struct ConditionalGETMiddleware: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.method == .GET || request.method == .HEAD else { return response }
        if request.isAPI, access == .everyone { CORSPreflight.allowAnyOrigin(response: &response.headers) }
        guard response.status == .ok, let body = response.body.buffer else { return response }
        if request.principal != nil, !request.isAPI { return response }
        // A page whose form carries this visitor's CSRF token is theirs alone.
        let personal =
            request.principal != nil || response.headers.contains(name: .setCookie)
            || (!request.isAPI && body.contains(request.csrfToken))
        if response.headers.cacheControl == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: personal ? "private, no-cache" : "public, no-cache")
        }
        let cacheControl = response.headers.first(name: .cacheControl) ?? ""
        if cacheControl.contains("no-store") { return response }
        // An answer that never changes (named by its content's hash) is the same for every visitor.
        let everyone = request.isAPI || cacheControl.contains("immutable")
        response.headers.replaceOrAdd(name: .vary, value: everyone ? "Accept-Encoding" : "Accept-Encoding, Cookie")
        let tag = Self.entityTag(body)
        response.headers.replaceOrAdd(name: .eTag, value: tag)
        if !personal {
            let changed = try await request.application.indicatorCache.lastChange(on: request.db, now: request.clock.now)
            response.headers.lastModified = HTTPHeaders.LastModified(changed)
        }
        guard Self.matches(request.headers[.ifNoneMatch], tag) else { return response }
        var headers = HTTPHeaders()
        for name in Self.revalidationHeaders {
            for value in response.headers[name] { headers.add(name: name, value: value) }
        }
        return Response(status: .notModified, headers: headers)
    }

    /// What a `304 Not Modified` repeats of the answer it stands for.
    static let revalidationHeaders: [HTTPHeaders.Name] = [
        .eTag, .cacheControl, .lastModified, .vary, .accessControlAllowOrigin, .accessControlExpose,
    ]

    /// `W/"` + the first 128 bits of the body's SHA-256, in hex + `"`: weak, because the same
    /// content is sent gzip-compressed or not (by the server or the proxy).
    static func entityTag(_ body: ByteBuffer) -> String {
        let digest = SHA256.hash(data: body.readableBytesView)
        return "W/\"" + digest.prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// `If-None-Match` with the weak comparison RFC 9110 asks of GET: `*`, or any listed tag equal
    /// to ours once the `W/` prefixes are set aside.
    static func matches(_ fields: [String], _ tag: String) -> Bool {
        for field in fields {
            for candidate in field.split(separator: ",") {
                let value = candidate.trimmingCharacters(in: .whitespaces)
                if value == "*" || opaque(value) == opaque(tag) { return true }
            }
        }
        return false
    }

    static func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
}

/// CORS for the API's public GETs: any origin may read them, without credentials. A preflight
/// (`OPTIONS` with `Access-Control-Request-Method`, sent by a browser because of `If-None-Match`,
/// say) is answered here for those routes only.
struct CORSPreflight: AsyncMiddleware {
    static let exposed = "ETag, Last-Modified, Link, Retry-After"

    static func allowAnyOrigin(response headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        headers.replaceOrAdd(name: .accessControlExpose, value: exposed)
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .OPTIONS, request.isAPI, request.headers.contains(name: .accessControlRequestMethod) else {
            return try await next.respond(to: request)
        }
        let segments = request.url.path.split(separator: "/")
        let publicGET = request.application.routes.all.contains {
            $0.method == .GET && $0.access == .everyone && MethodNotAllowedMiddleware.matches($0.path, segments)
        }
        guard publicGET, ["GET", "HEAD"].contains(request.headers.first(name: .accessControlRequestMethod) ?? "") else {
            return try await next.respond(to: request)
        }
        let response = Response(status: .noContent)
        Self.allowAnyOrigin(response: &response.headers)
        response.headers.replaceOrAdd(name: .accessControlAllowMethods, value: "GET, HEAD")
        response.headers.replaceOrAdd(name: .accessControlAllowHeaders, value: "If-None-Match, Accept")
        response.headers.replaceOrAdd(name: .accessControlMaxAge, value: "86400")
        return response
    }
}
