import Foundation
import Testing

@testable import TIWeb

/// The map layers' JSON writer: what JSONSerialization wrote with sorted keys, and valid JSON for hostile text.
@Suite struct CompactJSONTests {
    func written(_ value: Any) throws -> String {
        var json = CompactJSON()
        try json.write(value)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func sortedKeysCompactNumbersAndNull() throws {
        let value: [String: Any] = [
            "type": "Feature", "id": 7, "big": Int64(1) << 40, "aide": 1_500_000.0, "lat": 41.93, "petit": 0.00001, "ok": true,
            "territoire": NSNull(), "coordinates": [[8.74, 41.93], [-1.5, 0.0]], "vide": [String: Any](), "rien": [Any](),
        ]
        #expect(
            try written(value)
                == #"{"aide":1500000,"big":1099511627776,"coordinates":[[8.74,41.93],[-1.5,0]],"id":7,"lat":41.93,"ok":true,"petit":1e-05,"rien":[],"territoire":null,"type":"Feature","vide":{}}"#
        )
    }

    /// Quotes, backslashes, control characters, markup and non-ASCII text come back as they were.
    @Test func hostileTextStaysOneValidString() throws {
        let text = "Usine \"A\" \\ <script>\u{0}\u{1F}\n\r\t</script> — Île-de-France ✓ 🏭 /chemin"
        let out = try written(["nom": text])
        #expect(out.contains(#"\u0000"#) && out.contains(#"\u001f"#) && out.contains(#"\"A\""#))
        let back = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String])
        #expect(back["nom"] == text)
    }

    @Test func nonFiniteNumbersAndUnknownTypesAreRefused() {
        #expect(throws: CompactJSON.Unsupported.self) { try written(["x": Double.nan]) }
        #expect(throws: CompactJSON.Unsupported.self) { try written(["x": Date()]) }
    }
}
