import Vapor

/// The most a request body may hold, collected before anything reads it: 25 MB for multipart
/// forms (two 10 MB attachments and the application form's fields), 1 MB for any other body.
enum BodyLimits {
    static let multipart = 25 * 1024 * 1024
    static let other = 1024 * 1024

    static func collect(_ request: Request) async throws {
        guard request.body.data == nil else { return }
        let max = request.headers.contentType?.type == "multipart" ? multipart : other
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > max {
            throw Abort(.payloadTooLarge)
        }
        _ = try await request.body.collect(max: max).get()
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }
    private struct SessionSecretKey: StorageKey { typealias Value = String }

    /// The token to put in this request's forms.
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }

    /// The secret of the valid session cookie of this request, if any.
    var sessionSecret: String? {
        get { storage[SessionSecretKey.self] }
        set { storage[SessionSecretKey.self] = newValue }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
