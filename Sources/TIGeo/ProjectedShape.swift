import Foundation

/// A point in integer metres of a `MapFrame`.
public struct IntPoint: Hashable, Sendable, Codable {
    public var x: Int32
    public var y: Int32
    public init(x: Int32, y: Int32) {
        self.x = x
        self.y = y
    }
    /// Rounds projected metres to the nearest metre.
    @inline(__always)
    public init(rounding p: GeoPoint) {
        x = Int32(p.x.rounded())
        y = Int32(p.y.rounded())
    }
    public var geoPoint: GeoPoint { GeoPoint(x: Double(x), y: Double(y)) }
}

public struct ProjectedShapeError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A projected, simplified outline as stored in the database: integer metres in a frame.
/// `polygons[i][0]` is the outer ring (counter-clockwise), `polygons[i][1...]` are holes
/// (clockwise); rings do not repeat their first point.
public struct ProjectedShape: Sendable, Equatable {
    public var frame: MapFrame
    public var polygons: [[[IntPoint]]]

    public init(frame: MapFrame, polygons: [[[IntPoint]]]) {
        self.frame = frame
        self.polygons = polygons
    }

    public static let formatVersion: UInt8 = 1

    /// Compact binary encoding: version byte, frame byte, then varint counts
    /// (polygons; per polygon rings; per ring points) with points as zigzag varint deltas from the
    /// previous point (starting at 0,0 and running across rings).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [ProjectedShape.formatVersion, UInt8(MapFrame.allCases.firstIndex(of: frame)!)]
        out.reserveCapacity(8 + pointCount * 4)
        func varint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                out.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }
        func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
        varint(UInt64(polygons.count))
        var px: Int64 = 0
        var py: Int64 = 0
        for polygon in polygons {
            varint(UInt64(polygon.count))
            for ring in polygon {
                varint(UInt64(ring.count))
                for p in ring {
                    zigzag(Int64(p.x) - px)
                    zigzag(Int64(p.y) - py)
                    px = Int64(p.x)
                    py = Int64(p.y)
                }
            }
        }
        return out
    }

    public init(decoding bytes: [UInt8]) throws {
        var pos = 0
        func byte() throws -> UInt8 {
            guard pos < bytes.count else { throw ProjectedShapeError("truncated shape data at byte \(pos)") }
            defer { pos += 1 }
            return bytes[pos]
        }
        func varint() throws -> UInt64 {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
                if shift > 63 { throw ProjectedShapeError("invalid varint at byte \(pos)") }
            }
        }
        func zigzag() throws -> Int64 {
            let u = try varint()
            return Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1)
        }
        func count(_ what: String) throws -> Int {
            let c = try varint()
            // Every element takes at least one byte: reject absurd counts early.
            guard c <= UInt64(bytes.count - pos) * 1 + 1 else { throw ProjectedShapeError("invalid \(what) count \(c)") }
            return Int(c)
        }
        let version = try byte()
        guard version == ProjectedShape.formatVersion else {
            throw ProjectedShapeError("unsupported shape format version \(version)")
        }
        let frameIndex = Int(try byte())
        guard frameIndex < MapFrame.allCases.count else { throw ProjectedShapeError("invalid frame \(frameIndex)") }
        frame = MapFrame.allCases[frameIndex]
        var polygons: [[[IntPoint]]] = []
        var px: Int64 = 0
        var py: Int64 = 0
        let pc = try count("polygon")
        polygons.reserveCapacity(pc)
        for _ in 0..<pc {
            let rc = try count("ring")
            var rings: [[IntPoint]] = []
            rings.reserveCapacity(rc)
            for _ in 0..<rc {
                let n = try count("point")
                var ring: [IntPoint] = []
                ring.reserveCapacity(n)
                for _ in 0..<n {
                    px += try zigzag()
                    py += try zigzag()
                    guard let x = Int32(exactly: px), let y = Int32(exactly: py) else {
                        throw ProjectedShapeError("coordinate out of range")
                    }
                    ring.append(IntPoint(x: x, y: y))
                }
                rings.append(ring)
            }
            polygons.append(rings)
        }
        guard pos == bytes.count else { throw ProjectedShapeError("\(bytes.count - pos) trailing bytes in shape data") }
        self.polygons = polygons
    }

    /// Bounding box in metres; all zeros for an empty shape.
    public var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var b = Planar.Box()
        for polygon in polygons { if let outer = polygon.first { for p in outer { b.add(p.geoPoint) } } }
        if b.isEmpty { return (0, 0, 0, 0) }
        return (b.minX, b.minY, b.maxX, b.maxY)
    }

    public var isEmpty: Bool { !polygons.contains { ($0.first?.count ?? 0) >= 3 } }

    public var pointCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
    /// Every point of every ring.
    public var vertices: [IntPoint] { polygons.flatMap { $0.flatMap { $0 } } }

    /// Planar area in km² (projected metres; Lambert-93/UTM scale error is below 0.3 %).
    public var areaKm2: Double {
        var total = 0.0
        for polygon in polygons {
            for (i, ring) in polygon.enumerated() {
                let a = abs(Planar.signedArea(ring.map(\.geoPoint)))
                total += i == 0 ? a : -a
            }
        }
        return total / 1_000_000
    }

    /// The outline back in lon/lat degrees (for GeoJSON export and the like).
    public func lonLat() -> MultiPolygon {
        MultiPolygon(
            polygons: polygons.map { polygon in
                Polygon(rings: polygon.map { ring in ring.map { frame.unproject($0.geoPoint) } })
            })
    }
}
