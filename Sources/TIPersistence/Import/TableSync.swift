import FluentSQL

/// Brings a table to a wanted set of rows with the fewest writes: inserts what is new (in batches),
/// updates what differs, deletes what is gone. Running it twice with the same rows writes nothing,
/// which is what makes the geography import idempotent.
struct TableSync {
    enum Value: Equatable, Sendable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null

        var bind: any SQLExpression {
            switch self {
            case .string(let v): SQLBind(v)
            case .int(let v): SQLBind(v)
            case .double(let v): SQLBind(v)
            case .bool(let v): SQLBind(v)
            case .null: SQLLiteral.null
            }
        }
    }

    enum Kind { case string, int, double, bool }

    struct Counts: Sendable {
        var inserted = 0, updated = 0, deleted = 0
        var total: Int { inserted + updated + deleted }
    }

    let table: String
    let key: String
    /// Columns other than the key, with their kinds.
    let columns: [(name: String, kind: Kind)]

    /// What the table holds now, key → values in `columns` order.
    func existing(on sql: any SQLDatabase) async throws -> [String: [Value]] {
        let rows = try await sql.select().column(SQLIdentifier(key)).columns(columns.map { SQLIdentifier($0.name) })
            .from(table).all()
        var result: [String: [Value]] = [:]
        result.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.decode(column: key, as: String.self)
            result[id] = try columns.map { column in
                switch column.kind {
                case .string: try row.decodeNil(column: column.name) ? .null : .string(row.decode(column: column.name, as: String.self))
                case .int: try row.decodeNil(column: column.name) ? .null : .int(row.decode(column: column.name, as: Int.self))
                case .double: try row.decodeNil(column: column.name) ? .null : .double(row.decode(column: column.name, as: Double.self))
                case .bool: try row.decodeNil(column: column.name) ? .null : .bool(row.decode(column: column.name, as: Bool.self))
                }
            }
        }
        return result
    }

    /// Inserts and updates only; call `deleteMissing` separately (children before parents).
    func upsert(_ wanted: [(key: String, values: [Value])], on sql: any SQLDatabase) async throws -> (Counts, [String: [Value]]) {
        let current = try await existing(on: sql)
        var counts = Counts()
        var toInsert: [(key: String, values: [Value])] = []
        for row in wanted {
            if let old = current[row.key] {
                guard old != row.values else { continue }
                let update = sql.update(table).where(SQLIdentifier(key), .equal, SQLBind(row.key))
                for (column, value) in zip(columns, row.values) {
                    update.set(SQLIdentifier(column.name), to: value.bind)
                }
                try await update.run()
                counts.updated += 1
            } else {
                toInsert.append(row)
            }
        }
        // Stay well under SQLite's and PostgreSQL's bind limits (32 766 / 65 535).
        let batchSize = max(1, 4000 / (columns.count + 1))
        var start = 0
        while start < toInsert.count {
            let batch = toInsert[start..<min(start + batchSize, toInsert.count)]
            let insert = sql.insert(into: table).columns([key] + columns.map(\.name))
            for row in batch {
                insert.values([SQLBind(row.key) as any SQLExpression] + row.values.map(\.bind))
            }
            try await insert.run()
            start += batchSize
        }
        counts.inserted = toInsert.count
        return (counts, current)
    }

    func deleteMissing(keeping wanted: Set<String>, from current: [String: [Value]], on sql: any SQLDatabase) async throws -> Int {
        let gone = current.keys.filter { !wanted.contains($0) }.sorted()
        var start = 0
        while start < gone.count {
            let batch = Array(gone[start..<min(start + 1000, gone.count)])
            try await sql.delete(from: table).where(SQLIdentifier(key), .in, SQLGroupExpression(batch.map { SQLBind($0) })).run()
            start += 1000
        }
        return gone.count
    }
}
