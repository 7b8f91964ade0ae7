import Vapor

/// Refuses, before any route or file look-up, what no page or API accepts:
/// - a NUL byte anywhere in the path, the query or a text field of the body (400): PostgreSQL
///   cannot store it, and no person types it;
/// - a path segment over 255 bytes or a path over 2 000 bytes (404): no route has one, and the
///   file system would fail on it;
/// - a body over its limit (413, see `BodyLimits`).
struct InputGuardMiddleware: AsyncMiddleware {
    static let maxSegmentBytes = 255
    static let maxPathBytes = 2_000

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let raw = request.url.string
        if Self.containsNUL(raw) {
            throw AppError.badRequest("caractere_interdit", "L’adresse contient un caractère nul : elle a été refusée.")
        }
        let path = request.url.path
        if path.utf8.count > Self.maxPathBytes
            || path.split(separator: "/", omittingEmptySubsequences: true).contains(where: { $0.utf8.count > Self.maxSegmentBytes })
        {
            throw Abort(.notFound)
        }
        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            try await BodyLimits.collect(request)
            if let body = request.body.data, Self.bodyContainsNUL(body, contentType: request.headers.contentType) {
                throw AppError.badRequest("caractere_interdit", "Un champ contient un caractère nul : le formulaire a été refusé.")
            }
        }
        return try await next.respond(to: request)
    }

    /// A raw NUL, or `%00` (any case), in URL-encoded text.
    static func containsNUL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return containsNUL(bytes[...], percentEncoded: true)
    }

    static func containsNUL(_ bytes: ArraySlice<UInt8>, percentEncoded: Bool) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0 { return true }
            if percentEncoded, bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.endIndex,
                bytes[i + 1] == UInt8(ascii: "0"), bytes[i + 2] == UInt8(ascii: "0")
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// URL-encoded forms: `%00` or a raw NUL; JSON: `\u0000` or a raw NUL; multipart: a NUL in a
    /// part that is not a file (files may hold any bytes).
    static func bodyContainsNUL(_ body: ByteBuffer, contentType: HTTPMediaType?) -> Bool {
        let bytes = Array(body.readableBytesView)
        switch (contentType?.type, contentType?.subType) {
        case ("multipart", _):
            guard let boundary = contentType?.parameters["boundary"] else { return false }
            return MultipartText.fields(bytes, boundary: boundary).contains { containsNUL($0, percentEncoded: false) }
        case ("application", "json"):
            return bytes.contains(0) || String(decoding: bytes, as: UTF8.self).lowercased().contains("\\u0000")
        default:
            return containsNUL(bytes[...], percentEncoded: true)
        }
    }
}

/// Just enough of multipart/form-data to find the bodies of the parts that are not files.
enum MultipartText {
    static func fields(_ bytes: [UInt8], boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var starts: [Int] = []
        var i = 0
        while let found = find(delimiter, in: bytes, from: i) {
            starts.append(found)
            i = found + delimiter.count
        }
        for (n, start) in starts.enumerated() where n + 1 < starts.count {
            let part = bytes[(start + delimiter.count)..<starts[n + 1]]
            guard let split = find(headerEnd, in: bytes, from: part.startIndex), split < part.endIndex else { continue }
            let headers = String(decoding: bytes[part.startIndex..<split], as: UTF8.self).lowercased()
            if headers.contains("filename=") { continue }
            parts.append(bytes[(split + headerEnd.count)..<part.endIndex])
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
