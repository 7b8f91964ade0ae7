import TIDomain
import Vapor

/// A client-facing error with a stable code and a French message.
public struct AppError: AbortError, Sendable {
    public var status: HTTPResponseStatus
    public var code: String
    public var message: String

    public var reason: String { message }

    public init(_ status: HTTPResponseStatus, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static func notFound(_ message: String) -> AppError { AppError(.notFound, code: "introuvable", message) }
    public static func badRequest(_ code: String, _ message: String) -> AppError { AppError(.badRequest, code: code, message) }

    /// A domain rule broken by the client's input.
    public static func invalid(_ error: DomainError) -> AppError { AppError(.badRequest, code: error.code, error.message) }
}
