import Testing

@testable import TIGeo

@Suite struct WKBTests {
    let outer = [pt(0, 0), pt(0, 10), pt(10, 10), pt(10, 0)]
    let hole = [pt(2, 2), pt(8, 2), pt(8, 8), pt(2, 8)]

    @Test func littleEndianMultiPolygonWithHole() throws {
        let h = hex(wkb([[outer, hole], [[pt(20, 0), pt(20, 1), pt(21, 1)]]], bigEndian: false))
        #expect(h.hasPrefix("0106000000020000000103000000"))
        let m = try WKB.decode(hex: Substring(h))
        #expect(m.polygons.count == 2)
        #expect(m.polygons[0].rings == [outer, hole])  // closing point removed
        #expect(m.polygons[1].rings == [[pt(20, 0), pt(20, 1), pt(21, 1)]])
        // Lower-case hex works too.
        #expect(try WKB.decode(hex: Substring(h.lowercased())) == m)
    }

    @Test func bigEndian() throws {
        let bytes = wkb([[outer, hole]], bigEndian: true)
        #expect(bytes[0] == 0)
        let m = try WKB.decode(bytes: bytes)
        #expect(m.polygons == [Polygon(rings: [outer, hole])])
    }

    @Test func polygonTypeIsWrapped() throws {
        // Hand-written little-endian Polygon (type 3): unit square.
        let h =
            "01030000000100000005000000000000000000000000000000000000000000000000000000000000000000F03F"
            + "000000000000F03F000000000000F03F000000000000F03F000000000000000000000000000000000000000000000000"
        let m = try WKB.decode(hex: Substring(h))
        #expect(m.polygons == [Polygon(rings: [[pt(0, 0), pt(0, 1), pt(1, 1), pt(1, 0)]])])
    }

    @Test func malformedInputIsRejected() {
        let good = wkb([[outer]], bigEndian: false)
        #expect(throws: WKBError.self) { try WKB.decode(bytes: Array(good.dropLast(3))) }  // truncated
        #expect(throws: WKBError.self) { try WKB.decode(bytes: []) }
        var badType = good
        badType[1] = 2  // LineString
        #expect(throws: WKBError.self) { try WKB.decode(bytes: badType) }
        var badOrder = good
        badOrder[0] = 7
        #expect(throws: WKBError.self) { try WKB.decode(bytes: badOrder) }
        #expect(throws: WKBError.self) { try WKB.decode(hex: "01060") }  // odd digit count
        #expect(throws: WKBError.self) { try WKB.decode(hex: "zz") }
        #expect(throws: WKBError.self) { try WKB.decode(bytes: good + [0]) }  // trailing bytes
        // Huge counts do not allocate or crash.
        #expect(throws: WKBError.self) { try WKB.decode(bytes: [1, 6, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]) }
        let truncated = #expect(throws: WKBError.self) { try WKB.decode(bytes: Array(good.prefix(20))) }
        #expect(truncated.map { "\($0)".contains("truncated") } == true)
    }
}
