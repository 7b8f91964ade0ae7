import FluentSQL
import Foundation
import TIDomain

/// What every registry import starts with: the file parsed, the geography loaded.
enum ImportInput {
    static func read(_ csv: String, on database: any Database) async throws -> (DelimitedText, GeoLookup) {
        let file: DelimitedText
        do { file = try DelimitedText(parsing: csv) } catch { throw ImportRejected([ImportIssue(line: 1, message: error.message)]) }
        let lookup = try await GeoLookup.load(on: database)
        guard !lookup.isEmpty else {
            throw ImportRejected([ImportIssue(line: 1, message: "la géographie n’est pas importée : lancez d’abord « ti import geo »")])
        }
        return (file, lookup)
    }
}
