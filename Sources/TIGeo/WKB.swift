import Foundation

public struct WKBError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Decoder for ISO / OGC Well-Known Binary (also tolerates the PostGIS EWKB SRID flag).
/// Only areal geometries are accepted: Polygon (type 3, wrapped into a MultiPolygon) and MultiPolygon (type 6).
/// The closing point of each ring is removed (rings do not repeat their first point).
public enum WKB {
    public static func decode(hex: Substring) throws -> MultiPolygon {
        var bytes: [UInt8] = []
        let utf8 = hex.utf8
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8 = 0
        var haveHigh = false
        var offset = 0
        for c in utf8 {
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x41...0x46: v = c - 0x41 + 10
            case 0x61...0x66: v = c - 0x61 + 10
            case 0x20, 0x0A, 0x0D, 0x09:
                offset += 1
                continue
            default: throw WKBError("invalid hexadecimal character at offset \(offset)")
            }
            if haveHigh {
                bytes.append(high << 4 | v)
                haveHigh = false
            } else {
                high = v
                haveHigh = true
            }
            offset += 1
        }
        if haveHigh { throw WKBError("odd number of hexadecimal digits") }
        return try decode(bytes: bytes)
    }

    public static func decode(hex: String) throws -> MultiPolygon {
        try decode(hex: Substring(hex))
    }

    public static func decode(bytes: [UInt8]) throws -> MultiPolygon {
        var reader = Reader(bytes: bytes)
        let result = try reader.geometry(depth: 0)
        if reader.position != bytes.count {
            throw WKBError("\(bytes.count - reader.position) trailing bytes after geometry")
        }
        return result
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var littleEndian = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func need(_ n: Int, _ what: String) throws {
            if n < 0 || position + n > bytes.count {
                throw WKBError("truncated WKB: expected \(what) at byte \(position) of \(bytes.count)")
            }
        }

        mutating func byteOrder() throws {
            try need(1, "byte order")
            switch bytes[position] {
            case 0: littleEndian = false
            case 1: littleEndian = true
            default: throw WKBError("invalid byte order marker \(bytes[position]) at byte \(position)")
            }
            position += 1
        }

        mutating func uint32(_ what: String) throws -> UInt32 {
            try need(4, what)
            var v: UInt32 = 0
            bytes.withUnsafeBufferPointer { buf in
                let b0 = UInt32(buf[position])
                let b1 = UInt32(buf[position + 1])
                let b2 = UInt32(buf[position + 2])
                let b3 = UInt32(buf[position + 3])
                v = littleEndian ? (b0 | b1 << 8 | b2 << 16 | b3 << 24) : (b3 | b2 << 8 | b1 << 16 | b0 << 24)
            }
            position += 4
            return v
        }

        mutating func geometryType() throws -> UInt32 {
            var type = try uint32("geometry type")
            if type & 0x2000_0000 != 0 {  // EWKB SRID flag: skip the SRID
                type &= ~0x2000_0000
                _ = try uint32("SRID")
            }
            if type & 0xC000_0000 != 0 || type >= 1000 {
                throw WKBError("unsupported geometry type \(type) (Z/M coordinates are not supported)")
            }
            return type
        }

        mutating func geometry(depth: Int) throws -> MultiPolygon {
            try byteOrder()
            let type = try geometryType()
            switch type {
            case 3:
                return MultiPolygon(polygons: [try polygonBody()])
            case 6:
                let n = Int(try uint32("polygon count"))
                // Each polygon needs at least 9 bytes: guards against absurd counts.
                try need(n * 9, "\(n) polygons")
                var polygons: [Polygon] = []
                polygons.reserveCapacity(n)
                for _ in 0..<n {
                    try byteOrder()
                    let t = try geometryType()
                    guard t == 3 else { throw WKBError("MultiPolygon member has geometry type \(t), expected 3 (Polygon)") }
                    polygons.append(try polygonBody())
                }
                return MultiPolygon(polygons: polygons)
            default:
                throw WKBError("unsupported geometry type \(type): expected 3 (Polygon) or 6 (MultiPolygon)")
            }
        }

        mutating func polygonBody() throws -> Polygon {
            let ringCount = Int(try uint32("ring count"))
            try need(ringCount * 4, "\(ringCount) rings")
            var rings: [[GeoPoint]] = []
            rings.reserveCapacity(ringCount)
            for _ in 0..<ringCount {
                let n = Int(try uint32("point count"))
                try need(n * 16, "\(n) points")
                var ring = [GeoPoint]()
                ring.reserveCapacity(n)
                let le = littleEndian
                let start = position
                bytes.withUnsafeBufferPointer { buf in
                    let raw = UnsafeRawBufferPointer(buf)
                    var p = start
                    for _ in 0..<n {
                        var xb = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                        var yb = raw.loadUnaligned(fromByteOffset: p + 8, as: UInt64.self)
                        if le {
                            xb = UInt64(littleEndian: xb)
                            yb = UInt64(littleEndian: yb)
                        } else {
                            xb = UInt64(bigEndian: xb)
                            yb = UInt64(bigEndian: yb)
                        }
                        ring.append(GeoPoint(x: Double(bitPattern: xb), y: Double(bitPattern: yb)))
                        p += 16
                    }
                }
                position += n * 16
                if ring.count > 1 && ring.first == ring.last { ring.removeLast() }
                for p in ring where !p.x.isFinite || !p.y.isFinite {
                    throw WKBError("non-finite coordinate in ring")
                }
                rings.append(ring)
            }
            return Polygon(rings: rings)
        }
    }
}
