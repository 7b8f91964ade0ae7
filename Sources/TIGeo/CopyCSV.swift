import Foundation

/// Streaming reader for PostgreSQL-COPY-style CSV (RFC 4180 quoting with `""` escapes and
/// embedded newlines; an unquoted `\N` is NULL and is returned as `nil`; a quoted `"\N"` is the
/// literal text). Accepts LF and CRLF line endings, and a last line without a line ending.
/// Completely empty lines are skipped.
public struct CopyCSVReader {
    private let data: [UInt8]
    private var position: Int
    public let delimiter: UInt8

    public init(data: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.data = data
        self.delimiter = delimiter
        // Skip a UTF-8 byte order mark.
        if data.count >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
            position = 3
        } else {
            position = 0
        }
    }

    /// Fields of the next record (`nil` for NULL), or `nil` at the end of the data.
    public mutating func next() -> [String?]? {
        let count = data.count
        let delim = delimiter
        var pos = position
        var fields: [String?] = []
        let done: Bool = data.withUnsafeBufferPointer { buf -> Bool in
            // Skip empty lines.
            while pos < count && (buf[pos] == 0x0A || (buf[pos] == 0x0D && pos + 1 < count && buf[pos + 1] == 0x0A)) {
                pos += buf[pos] == 0x0D ? 2 : 1
            }
            if pos >= count { return true }
            var scratch: [UInt8] = []
            while true {
                // One field starting at pos.
                if pos < count && buf[pos] == 0x22 {  // quoted
                    pos += 1
                    var start = pos
                    var hasEscapes = false
                    scratch.removeAll(keepingCapacity: true)
                    while pos < count {
                        if buf[pos] == 0x22 {
                            if pos + 1 < count && buf[pos + 1] == 0x22 {
                                hasEscapes = true
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<(pos + 1)]))
                                pos += 2
                                start = pos
                                continue
                            }
                            break
                        }
                        pos += 1
                    }
                    let end = Swift.min(pos, count)
                    if hasEscapes {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<end]))
                        fields.append(String(decoding: scratch, as: UTF8.self))
                    } else {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self))
                    }
                    pos = end + 1  // past closing quote
                    // Tolerate garbage between the closing quote and the delimiter by appending nothing.
                    while pos < count && buf[pos] != delim && buf[pos] != 0x0A && buf[pos] != 0x0D { pos += 1 }
                } else {
                    let start = pos
                    while pos < count {
                        let c = buf[pos]
                        if c == delim || c == 0x0A || c == 0x0D { break }
                        pos += 1
                    }
                    if pos - start == 2 && buf[start] == 0x5C && buf[start + 1] == 0x4E {  // \N
                        fields.append(nil)
                    } else {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self))
                    }
                }
                if pos >= count { return false }
                let c = buf[pos]
                if c == delim {
                    pos += 1
                    if pos >= count {
                        fields.append("")
                        return false
                    }
                    continue
                }
                // End of line.
                if c == 0x0D {
                    pos += 1
                    if pos < count && buf[pos] == 0x0A { pos += 1 }
                } else {
                    pos += 1
                }
                return false
            }
        }
        position = pos
        return done ? nil : fields
    }
}

public struct CopyCSVError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A `CopyCSVReader` whose first record is a header, with column look-up by name.
public struct CopyCSVTable {
    public let header: [String]
    private var reader: CopyCSVReader
    private let columnIndex: [String: Int]

    public init(data: [UInt8]) throws {
        var reader = CopyCSVReader(data: data)
        guard let first = reader.next() else { throw CopyCSVError("CSV data is empty: no header row") }
        header = first.map { $0 ?? "" }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        columnIndex = index
        self.reader = reader
    }

    public func index(of column: String) throws -> Int {
        guard let i = columnIndex[column] else {
            throw CopyCSVError("column \"\(column)\" not found; columns are: \(header.joined(separator: ", "))")
        }
        return i
    }

    /// The next data row, padded with `nil` up to the header width; `nil` at the end.
    public mutating func nextRow() -> [String?]? {
        guard var row = reader.next() else { return nil }
        if row.count < header.count { row.append(contentsOf: repeatElement(nil, count: header.count - row.count)) }
        return row
    }
}
