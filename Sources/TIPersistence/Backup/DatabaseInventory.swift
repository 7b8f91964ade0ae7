import FluentKit
import FluentSQL
import Foundation

/// What a database holds, table by table: the row count, and for the tables asked a digest of
/// every row (FNV-1a over the rows' values in key order), so a backup and its restore can be
/// compared without trusting either. SQLite and PostgreSQL alike.
public enum DatabaseInventory {
    public struct Table: Codable, Sendable, Equatable {
        public var name: String
        public var rows: Int
        /// The rows' digest, for the tables whose content is checked (the audit log), else nil.
        public var digest: String?

        public init(name: String, rows: Int, digest: String?) {
            self.name = name
            self.rows = rows
            self.digest = digest
        }
    }

    /// The application's tables (Fluent's migration table included), by name.
    public static func tableNames(on db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let query: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Counts every table; digests those in `digested` (all of them when nil).
    public static func take(on db: any Database, digested: Set<String>? = ["audit_events"]) async throws -> [Table] {
        let sql = db as! any SQLDatabase
        var tables: [Table] = []
        for name in try await tableNames(on: db) {
            let quoted = SQLIdentifier(name)
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(quoted)").first()?.decode(column: "n", as: Int.self) ?? 0
            var digest: String?
            if digested?.contains(name) ?? true {
                var hash = FNV1a()
                for row in try await sql.raw("SELECT * FROM \(quoted) ORDER BY 1").all() {
                    for column in row.allColumns.sorted() {
                        hash.add(column)
                        hash.add(render(row, column))
                    }
                    hash.add("\n")
                }
                digest = hash.hex
            }
            tables.append(Table(name: name, rows: count, digest: digest))
        }
        return tables
    }

    /// A column's value as text, whatever its type on either database.
    static func render(_ row: any SQLRow, _ column: String) -> String {
        if (try? row.decodeNil(column: column)) == true { return "∅" }
        if let v = try? row.decode(column: column, as: Int64.self) { return "i\(v)" }
        if let v = try? row.decode(column: column, as: Double.self) { return "d\(v)" }
        if let v = try? row.decode(column: column, as: Bool.self) { return "b\(v)" }
        if let v = try? row.decode(column: column, as: UUID.self) { return "u\(v.uuidString.lowercased())" }
        if let v = try? row.decode(column: column, as: String.self) { return "s\(v)" }
        if let v = try? row.decode(column: column, as: Date.self) { return "t\(v.timeIntervalSince1970)" }
        if let v = try? row.decode(column: column, as: [UInt8].self) { return "x\(v.count):\(v.reduce(0) { $0 &* 31 &+ Int($1) })" }
        return "?"
    }

    struct FNV1a {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
            value ^= 0xFF
            value = value &* 0x0000_0100_0000_01B3
        }
        var hex: String { String(value, radix: 16) }
    }
}
