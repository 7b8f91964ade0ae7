import FluentKit
import TIPersistence

extension AttachedFile {
    /// An application's documents as the pages list them, oldest first.
    static func query(of application: FundApplication, on db: any Database) async throws -> [AttachedFile] {
        try await ApplicationQueries.attachments(of: try application.requireID(), on: db).map {
            AttachedFile(id: $0.id!.uuidString, filename: $0.filename, sizeBytes: $0.sizeBytes, document: $0.document, atEpoch: $0.atEpoch)
        }
    }
}
