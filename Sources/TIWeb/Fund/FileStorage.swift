import Foundation
import Vapor

/// Where attachments live: outside the database, behind an interface (local disk here).
protocol FileStorage: Sendable {
    func store(_ data: ByteBuffer) async throws -> String
    func read(_ key: String) async throws -> ByteBuffer
    func delete(_ key: String) async throws
}
