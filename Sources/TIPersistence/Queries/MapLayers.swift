import Crypto
import FluentKit
import FluentSQL
import Foundation

/// The outlines of the pages' maps, each layer a document of its own (`SVGMap.render(sharingLayers:)`),
/// named by the hash of its text: a name never changes what it names, so browsers keep a document
/// for good, and any app server can serve a document another one drew.
public enum MapLayers {
    /// 24 hexadecimal digits of the text's SHA-256.
    public static func hash(_ document: String) -> String {
        SHA256.hash(data: Data(document.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// A well-formed name: 24 lowercase hexadecimal digits.
    public static func isHash(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Keeps the documents not kept yet (by hash); one already there is left as it is.
    public static func keep(_ documents: [String: String], on database: any Database) async throws {
        guard !documents.isEmpty else { return }
        let sql = database as! any SQLDatabase
        let known = try await sql.select().column("hash").from("map_layers")
            .where("hash", .in, Array(documents.keys)).all(decoding: Known.self)
        let new = documents.filter { hash, _ in !known.contains { $0.hash == hash } }
        for (hash, svg) in new.sorted(by: { $0.key < $1.key }) {
            // Two servers drawing the same map at once write the same row: the second is ignored.
            try await sql.insert(into: "map_layers").columns("hash", "svg").values(SQLBind(hash), SQLBind(svg))
                .ignoringConflicts(with: ["hash"]).run()
        }
    }

    /// The document with this hash, if one was kept.
    public static func document(_ hash: String, on database: any Database) async throws -> String? {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("svg").from("map_layers").where("hash", .equal, hash)
            .first(decoding: Stored.self)?.svg
    }

    private struct Known: Decodable { var hash: String }
    private struct Stored: Decodable { var svg: String }
}
