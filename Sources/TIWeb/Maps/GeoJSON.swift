import TIGeo
import TIPersistence
import Vapor

/// Minimal GeoJSON writing (RFC 7946: lon/lat, outer rings counter-clockwise).
enum GeoJSON {
    static func feature(_ shape: MultiPolygon, properties: [String: Any]) -> [String: Any] {
        let coordinates = shape.polygons.map { polygon in
            polygon.rings.map { ring in (ring + [ring.first!]).map { [($0.x * 1e5).rounded() / 1e5, ($0.y * 1e5).rounded() / 1e5] } }
        }
        return ["type": "Feature", "properties": properties, "geometry": ["type": "MultiPolygon", "coordinates": coordinates]]
    }

    static func point(lon: Double, lat: Double, properties: [String: Any]) -> [String: Any] {
        ["type": "Feature", "properties": properties, "geometry": ["type": "Point", "coordinates": [lon, lat]]]
    }

    static func collection(_ features: [[String: Any]]) throws -> String {
        var json = CompactJSON()
        try json.write(["type": "FeatureCollection", "features": features])
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

/// Compact JSON with sorted keys, as `JSONSerialization` writes it with `.sortedKeys` (but `/` is
/// not escaped), about twenty times faster on Linux: the laureates' layer of 5 400 points took
/// 0,75 s to serialise, and every new query string asked for it again.
struct CompactJSON {
    struct Unsupported: Error {
        var value: String
    }

    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Any) throws {
        switch value {
        case let text as String: string(text)
        case let flag as Bool: append(flag ? "true" : "false")
        case let number as Int: append(String(number))
        case let number as Int64: append(String(number))
        case let number as Double:
            guard number.isFinite else { throw Unsupported(value: "\(number)") }
            // Integral values without a fraction ("12", not "12.0"), like JSONSerialization.
            append(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)")
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (i, key) in object.keys.sorted().enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key)
                bytes.append(UInt8(ascii: ":"))
                try write(object[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        case let array as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (i, element) in array.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        // Last: casting a Swift dictionary or array to a class bridges it to Foundation first (slow).
        case is NSNull: append("null")
        default: throw Unsupported(value: "\(type(of: value))")
        }
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Quotes and escapes: `"`, `\\` and the control characters (as `\uXXXX` but for the usual ones).
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append("\\u00")
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
