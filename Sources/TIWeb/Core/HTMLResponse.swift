import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: html))
        response.headers.contentType = .html
        return response
    }
}

extension ByteBuffer {
    /// Whether `text` occurs in the readable bytes: every answer is searched for the visitor's CSRF
    /// token (a page carrying it is theirs alone), so this is `memchr` and `memcmp` over the bytes,
    /// not a generic collection search.
    func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needle in
            withUnsafeReadableBytes { haystack in
                guard let first = needle.first else { return true }
                guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
                var from = 0
                while from + needle.count <= haystack.count {
                    guard let hit = memchr(base + from, Int32(first), haystack.count - needle.count - from + 1) else { return false }
                    if memcmp(hit, needle.baseAddress!, needle.count) == 0 { return true }
                    from = base.distance(to: UnsafeRawPointer(hit)) + 1
                }
                return false
            }
        }
    }
}
