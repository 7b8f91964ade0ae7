import Foundation

@testable import TIGeo

func pt(_ x: Double, _ y: Double) -> GeoPoint { GeoPoint(x: x, y: y) }

/// An axis-aligned square polygon, clockwise (like the source data).
func square(_ x: Double, _ y: Double, _ size: Double = 1) -> MultiPolygon {
    MultiPolygon(polygons: [Polygon(rings: [[pt(x, y), pt(x, y + size), pt(x + size, y + size), pt(x + size, y)]])])
}

/// True when `b` is `a` up to the choice of the starting point.
func sameRing(_ a: [GeoPoint], _ b: [GeoPoint]) -> Bool {
    guard a.count == b.count, let start = b.firstIndex(of: a[0]) else { return a.isEmpty && b.isEmpty }
    for i in 0..<a.count where a[i] != b[(start + i) % b.count] { return false }
    return true
}

/// Builds WKB bytes for a polygon list in the given byte order (closing points added).
func wkb(_ polygons: [[[GeoPoint]]], bigEndian: Bool, multi: Bool = true) -> [UInt8] {
    var out: [UInt8] = []
    func u32(_ v: UInt32) {
        let b = bigEndian ? v.bigEndian : v.littleEndian
        withUnsafeBytes(of: b) { out.append(contentsOf: $0) }
    }
    func f64(_ v: Double) {
        let b = bigEndian ? v.bitPattern.bigEndian : v.bitPattern.littleEndian
        withUnsafeBytes(of: b) { out.append(contentsOf: $0) }
    }
    func polygon(_ rings: [[GeoPoint]]) {
        out.append(bigEndian ? 0 : 1)
        u32(3)
        u32(UInt32(rings.count))
        for r in rings {
            u32(UInt32(r.count + 1))
            for p in r + [r[0]] {
                f64(p.x)
                f64(p.y)
            }
        }
    }
    if multi {
        out.append(bigEndian ? 0 : 1)
        u32(6)
        u32(UInt32(polygons.count))
    }
    for p in polygons { polygon(p) }
    return out
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }
