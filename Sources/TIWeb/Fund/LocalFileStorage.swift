import Foundation
import Vapor

struct LocalFileStorage: FileStorage {
    let directory: String

    func store(_ data: ByteBuffer) async throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = UUID().uuidString.lowercased()
        guard FileManager.default.createFile(atPath: directory + "/" + key, contents: Data(buffer: data)) else {
            throw Abort(.internalServerError, reason: "écriture du fichier impossible")
        }
        return key
    }

    func delete(_ key: String) async throws {
        guard key.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return }
        try? FileManager.default.removeItem(atPath: directory + "/" + key)
    }

    func read(_ key: String) async throws -> ByteBuffer {
        guard key.allSatisfy({ $0.isHexDigit || $0 == "-" }),
            let data = FileManager.default.contents(atPath: directory + "/" + key)
        else {
            throw AppError.notFound("Ce fichier n’existe plus.")
        }
        return ByteBuffer(data: data)
    }
}
