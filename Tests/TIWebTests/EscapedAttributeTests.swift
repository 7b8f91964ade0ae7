import Foundation
import Testing

@testable import TIWeb

/// Attribute values are escaped in one place, `EscapedAttributes.swift`, which shadows Plot's
/// string-taking modifiers inside TIWeb. Pages with hostile input are checked in
/// `HostileInputTests` and by the adversarial suite's form fuzzer.
@Suite("Escaped attributes")
struct EscapedAttributeTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLAttributeText.escape("x\"><meta http-equiv='r'>&amp;") == "x&quot;&gt;&lt;meta http-equiv=&#39;r&#39;&gt;&amp;amp;")
        #expect(HTMLAttributeText.escape("/instruction?etat=submitted&page=2") == "/instruction?etat=submitted&amp;page=2")
        #expect(HTMLAttributeText.escape("Montbéliard") == "Montbéliard")
    }

    /// Every Plot modifier that takes a string or a URL is shadowed: a Plot upgrade that adds one
    /// fails here until it is added to `EscapedAttributes.swift`.
    @Test func everyStringModifierOfPlotIsShadowed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let api = root.appendingPathComponent(".build/checkouts/Plot/Sources/Plot/API")
        // The attribute modifiers, and the head components that write meta tags from strings.
        let plot =
            try String(contentsOf: api.appendingPathComponent("HTMLAttributes.swift"), encoding: .utf8)
            + String(contentsOf: api.appendingPathComponent("HTMLComponents.swift"), encoding: .utf8).components(
                separatedBy: "ElementDefinition")[0]
        let shadows = try String(
            contentsOf: root.appendingPathComponent("Sources/TIWeb/Views/Shared/EscapedAttributes.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"static func (`?\w+`?)\(([^)]*)\) -> (Node|Attribute)"#)
        var missing: [String] = []
        for match in pattern.matches(in: plot, range: NSRange(plot.startIndex..., in: plot)) {
            let name = String(plot[Range(match.range(at: 1), in: plot)!])
            let parameters = String(plot[Range(match.range(at: 2), in: plot)!])
            guard parameters.contains(": String") || parameters.contains("URLRepresentable"), !parameters.contains("String...") else {
                continue
            }
            if name == "onclick" || name == "integrity" { continue }  // never used: no inline script, no subresource hashes
            if !shadows.contains("static func \(name)(") { missing.append(name) }
        }
        #expect(missing.isEmpty, "Plot modifiers writing unescaped attributes: \(missing)")
    }
}
