import FluentKit
import Foundation
import TIDomain

/// Single reads around one application.
public enum ApplicationQueries {
    public static func find(_ id: UUID?, on db: any Database) async throws -> FundApplication? {
        try await FundApplication.find(id, on: db)
    }

    /// Reference (or « brouillon « title » ») of each application of `ids`.
    public static func labels(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await FundApplication.query(on: db).filter(\.$id ~~ ids).all()
                .compactMap { a in a.id.map { ($0, a.reference ?? "brouillon « \(a.displayName) »") } }
        ) { first, _ in first }
    }

    /// The call an application answers (a foreign key: always there).
    public static func call(of application: FundApplication, on db: any Database) async throws -> CallSummary {
        guard let call = try await CallQueries.summary(application.$call.id, on: db) else {
            throw FluentError.missingParent(
                from: FundApplication.schema, to: FundCall.schema, key: "call_id", id: application.$call.id.uuidString)
        }
        return call
    }

    /// Its documents, oldest first.
    public static func attachments(of id: UUID, on db: any Database) async throws -> [Attachment] {
        try await Attachment.query(on: db).filter(\.$application.$id == id).sort(\.$atEpoch).all()
    }

    /// Its documents as the pages list them, oldest first.
    public static func documents(of id: UUID, on db: any Database) async throws -> [ApplicationFile.Document] {
        try await attachments(of: id, on: db).map {
            .init(
                id: $0.id ?? UUID(), messageID: $0.messageID, filename: $0.filename, sizeBytes: $0.sizeBytes, document: $0.document,
                atEpoch: $0.atEpoch)
        }
    }

    /// One of its documents; nil for a document of another application.
    public static func attachment(_ fileID: UUID, of id: UUID, on db: any Database) async throws -> Attachment? {
        try await Attachment.query(on: db).filter(\.$id == fileID).filter(\.$application.$id == id).first()
    }

    /// The first deposit (its instant dates the receipt).
    public static func deposit(of id: UUID, on db: any Database) async throws -> ApplicationEvent? {
        try await ApplicationEvent.query(on: db).filter(\.$application.$id == id)
            .filter(\.$action == ApplicationAction.submit.rawValue).sort(\.$atEpoch).first()
    }
}
