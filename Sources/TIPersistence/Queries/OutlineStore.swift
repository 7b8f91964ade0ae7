import FluentSQL
import Foundation
import TIGeo

/// Reading and writing stored outlines.
public enum OutlineStore {
    static func insert(_ outlines: [Outline], on sql: any SQLDatabase) async throws {
        var start = 0
        while start < outlines.count {
            let insert = sql.insert(into: Outline.schema).columns("key", "level", "code", "detail", "frame", "shape")
            for o in outlines[start..<min(start + 500, outlines.count)] {
                insert.values([
                    SQLBind(o.id!), SQLBind(o.level.rawValue), SQLBind(o.code), SQLBind(o.detail), SQLBind(o.frame), SQLBind(o.shape),
                ])
            }
            try await insert.run()
            start += 500
        }
    }

    /// Outlines of one level and detail, by code. `codes` nil means all.
    public static func shapes(
        _ level: Outline.Level, detail: OutlineBuilder.Detail, codes: [String]? = nil,
        on database: any Database
    ) async throws -> [String: ProjectedShape] {
        if let codes, codes.isEmpty { return [:] }
        var query = Outline.query(on: database).filter(\.$level == level).filter(\.$detail == detail.rawValue)
        if let codes { query = query.filter(\.$code ~~ codes) }
        var result: [String: ProjectedShape] = [:]
        for outline in try await query.all() { result[outline.code] = try outline.decoded() }
        return result
    }
}
