import Foundation
import Vapor

struct LocalFileStorage: FileStorage {
    let directory: String

    /// Writes under a temporary name, flushes to disk, then renames: a crash leaves either no file
    /// under the key or the whole file, never half of one (a stray `.tmp-*` at worst).
    func store(_ data: ByteBuffer) async throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = UUID().uuidString.lowercased()
        let temporary = directory + "/.tmp-" + key
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw Abort(.internalServerError, reason: "écriture du fichier impossible")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.write(contentsOf: Data(buffer: data))
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, directory + "/" + key) == 0 else {
                throw Abort(.internalServerError, reason: "écriture du fichier impossible")
            }
            let folder = open(directory, O_RDONLY)
            if folder >= 0 {
                _ = fsync(folder)
                close(folder)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
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
