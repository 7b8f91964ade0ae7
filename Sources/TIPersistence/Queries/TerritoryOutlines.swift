import FluentSQL
import Foundation
import TIGeo

/// Outlines of the Territoires d'industrie: the union of their member EPCI's outlines.
public enum TerritoryOutlines {
    /// Recomputes every TI's outline from the stored EPCI outlines. Returns how many were stored.
    @discardableResult
    public static func recomputeAll(on database: any Database) async throws -> Int {
        let sql = database as! any SQLDatabase
        try await sql.delete(from: Outline.schema).where("level", .equal, Outline.Level.territory.rawValue).run()
        let members = try await TerritoryEpci.query(on: database).all()
        guard !members.isEmpty else { return 0 }
        let byTerritory = Dictionary(grouping: members, by: { $0.$territory.id })
        var stored: [Outline] = []
        for detail in OutlineBuilder.Detail.allCases {
            let epciShapes = try await OutlineStore.shapes(.epci, detail: detail, on: database)
            for (territory, rows) in byTerritory.sorted(by: { $0.key < $1.key }) {
                let parts = rows.compactMap { epciShapes[$0.$epci.id] }
                guard !parts.isEmpty else { continue }
                stored.append(Outline(level: .territory, code: territory, detail: detail, shape: OutlineBuilder.merge(parts)))
            }
        }
        try await OutlineStore.insert(stored, on: sql)
        return stored.count
    }
}
