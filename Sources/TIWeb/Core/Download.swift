import TIDomain
import Vapor

/// Files to save rather than pages to show: CSV exports, GeoJSON layers.
enum Download {
    static let csv = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
    static let geoJSON = HTTPMediaType(type: "application", subType: "geo+json")

    /// `text` as an attachment named `name`.
    static func file(_ text: String, type: HTTPMediaType, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.contentDisposition = .init(.attachment, filename: name)
        return response
    }

    /// A semicolon-separated file: the header line, then one line per row, every field escaped
    /// (`CSVField`: quotes, separators, formula prefixes).
    static func csv(header: [String], rows: [[String]], name: String) -> Response {
        file(([header] + rows).map { CSVField.line($0) }.joined(), type: csv, name: name)
    }
}
