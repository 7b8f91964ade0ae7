import Foundation
import Testing

@testable import TIGeo

@Suite struct SVGChartTests {
    // MARK: Helpers

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// Value of `name="…"` in each element starting with `open` (e.g. "<rect ").
    func attributes(_ svg: String, element open: String, _ name: String) -> [String] {
        svg.components(separatedBy: open).dropFirst().map { chunk in
            let tag = chunk.prefix { $0 != ">" }
            guard let r = tag.range(of: " \(name)=\"") ?? (tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : nil)
            else { return "" }
            return String(tag[r.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The chart's bars: every `<rect` but the background (always the first one).
    func barAttributes(_ svg: String, _ name: String) -> [Double] {
        attributes(svg, element: "<rect ", name).dropFirst().map { Double($0) ?? .nan }
    }

    /// Checks shared by every chart: root element, accessible name, no inline style, rounding.
    func checkDocument(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""), sourceLocation: sourceLocation)
        #expect(svg.hasSuffix("</svg>\n"), sourceLocation: sourceLocation)
        #expect(count(svg, "<svg") == 1, sourceLocation: sourceLocation)
        let root = String(svg.prefix { $0 != ">" })
        #expect(root.contains(" viewBox=\"0 0 "), sourceLocation: sourceLocation)
        #expect(root.contains(" height=\""), sourceLocation: sourceLocation)
        #expect(root.contains(" role=\"img\""), sourceLocation: sourceLocation)
        let labelledBy = attributes(svg, element: "<svg ", "aria-labelledby").first ?? ""
        let ids = labelledBy.split(separator: " ")
        #expect(ids.count == 2, sourceLocation: sourceLocation)
        for id in ids {
            #expect(count(svg, " id=\"\(id)\"") == 1, "missing id \(id)", sourceLocation: sourceLocation)
        }
        #expect(svg.contains("<title id=\"\(ids.first ?? "")\">"), sourceLocation: sourceLocation)
        #expect(svg.contains("<desc id=\"\(ids.last ?? "")\">"), sourceLocation: sourceLocation)
        #expect(!svg.contains("style"), sourceLocation: sourceLocation)
        #expect(!svg.contains("<script"), sourceLocation: sourceLocation)
        // Balanced containers.
        for tag in ["g", "a", "text", "title"] {
            #expect(
                count(svg, "<\(tag)>") + count(svg, "<\(tag) ") == count(svg, "</\(tag)>"), "unbalanced <\(tag)>",
                sourceLocation: sourceLocation)
        }
        // Numeric attributes have at most one decimal.
        for name in ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy"] {
            for part in svg.components(separatedBy: " \(name)=\"").dropFirst() {
                let value = part.prefix { $0 != "\"" }
                #expect(Double(value) != nil, "\(name)=\(value)", sourceLocation: sourceLocation)
                if let dot = value.firstIndex(of: ".") {
                    #expect(value[value.index(after: dot)...].count == 1, "\(name)=\(value)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    let regions: [ChartDatum] = [
        ChartDatum(label: "Auvergne-Rhône-Alpes", value: 27, display: "27", href: "/regions/84?a=1&b=2"),
        ChartDatum(label: "Hauts-de-France", value: 21, display: "21"),
        ChartDatum(label: "Grand Est", value: 35.5, display: "35,5"),
        ChartDatum(label: "Corse", value: 0, display: "0"),
        ChartDatum(label: "A <b> & \"c\"", value: 3, display: "3 < 4"),
    ]

    // MARK: horizontalBars

    @Test func horizontalBarsStructure() {
        let svg = SVGChart.horizontalBars(
            title: "Territoires <par> région", description: "Nombre & répartition", data: regions,
            idPrefix: "bars-1", source: "Source : ANCT", note: "Référence : 183 territoires")
        checkDocument(svg)
        #expect(svg.contains("viewBox=\"0 0 720 "))
        #expect(svg.contains("aria-labelledby=\"bars-1-title bars-1-desc\""))
        #expect(count(svg, "<rect") == regions.count + 1)  // bars + background
        let widths = barAttributes(svg, "width")
        #expect(widths.count == regions.count)
        let longest = widths.indices.max { widths[$0] < widths[$1] }
        #expect(longest == 2)  // Grand Est, the maximum value
        #expect(widths[3] == 0)  // zero-value row still drawn
        #expect(svg.contains(">Corse</text>"))
        #expect(abs(widths[0] / widths[2] - 27 / 35.5) < 0.01)
        // Escaping.
        #expect(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"))
        #expect(svg.contains(">3 &lt; 4</text>"))
        #expect(svg.contains("Territoires &lt;par&gt; région"))
        #expect(svg.contains("Nombre &amp; répartition"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<a href=\"/regions/84?a=1&amp;b=2\"><g>"))
        #expect(count(svg, "<a ") == 1)
        #expect(svg.contains("Référence : 183 territoires"))
        #expect(svg.contains("Source : ANCT"))
        // Same x for every bar (consistent left margin), labels right-aligned before it.
        #expect(Set(barAttributes(svg, "x")).count == 1)
    }

    @Test func horizontalBarsClampingAndMinimumLength() {
        let data = [
            ChartDatum(label: "Grand", value: 10_000, display: "10 000"),
            ChartDatum(label: "Minuscule", value: 0.001, display: "0,001"),
            ChartDatum(label: "Négatif", value: -5, display: "-5"),
            ChartDatum(label: "NaN", value: .nan, display: "n.d."),
            ChartDatum(label: "Infini", value: .infinity, display: "∞"),
        ]
        let svg = SVGChart.horizontalBars(title: "T", description: "D", data: data, idPrefix: "c")
        checkDocument(svg)
        #expect(barAttributes(svg, "width") == [barAttributes(svg, "width")[0], 1, 0, 0, 0])
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func horizontalBarsLongLabels() {
        let long = "Communauté d'agglomération du Grand Besançon Métropole et territoires associés du Doubs"
        let data = [ChartDatum(label: long, value: 5, display: "5"), ChartDatum(label: "Court", value: 2, display: "2")]
        let svg = SVGChart.horizontalBars(title: "T", description: "D", data: data, width: 600, idPrefix: "long")
        checkDocument(svg)
        #expect(svg.contains("<g><title>\(SVGMap.escape(long))</title>"))  // full text as tooltip
        #expect(svg.contains("…</text>"))
        #expect(count(svg, "<title>") == 1)  // only the truncated label gets a tooltip
        // The label column is capped at 40 % of the width.
        let barX = barAttributes(svg, "x")[0]
        #expect(barX <= 12 + 0.4 * 576 + 8 + 0.1)
    }

    @Test func emptyCharts() {
        let f: @Sendable (Double) -> String = { "\($0)" }
        let charts = [
            SVGChart.horizontalBars(title: "Vide", description: "", data: [], idPrefix: "e1", note: "Note"),
            SVGChart.columns(title: "Vide", description: "", data: [], idPrefix: "e2", source: "Source", valueFormatter: f),
            SVGChart.cumulative(
                title: "Vide", description: "", xLabels: [], series: [.init(name: "S", values: [1])],
                reference: ("Plafond", 10), idPrefix: "e3", valueFormatter: f),
            SVGChart.cumulative(
                title: "Vide", description: "", xLabels: ["janv."], series: [], reference: nil, idPrefix: "e4", valueFormatter: f),
            SVGChart.shareBar(title: "Vide", description: "", parts: [], idPrefix: "e5"),
            SVGChart.shareBar(title: "Vide", description: "", parts: [ChartDatum(label: "A", value: 0, display: "0 %")], idPrefix: "e6"),
        ]
        for svg in charts {
            checkDocument(svg)
            #expect(svg.contains(">Aucune donnée</text>"))
            #expect(svg.contains(">Vide</text>"))
            #expect(count(svg, "<rect") == 1)
        }
    }

    // MARK: columns

    @Test func columnsStructure() {
        let months = ["janv.", "févr.", "mars", "avr.", "mai", "juin"]
        let values = [12.5, 30.2, 0, 80.2, -3, 41]
        let data = zip(months, values).map {
            ChartDatum(label: $0.0, value: $0.1, display: "\($0.1)".replacingOccurrences(of: ".", with: ","))
        }
        let svg = SVGChart.columns(
            title: "Aides par mois", description: "Histogramme", data: data, height: 280, idPrefix: "cols",
            source: "Source : Bpifrance"
        ) { "\(Int($0)) M€" }
        checkDocument(svg)
        #expect(svg.contains("viewBox=\"0 0 720 280\""))
        #expect(count(svg, "<rect") == data.count + 1)
        let heights = barAttributes(svg, "height")
        #expect(heights.indices.max { heights[$0] < heights[$1] } == 3)
        #expect(heights[2] == 0 && heights[4] == 0)
        #expect(abs(heights[0] / heights[3] - 12.5 / 80.2) < 0.01)
        // Columns stand on a common baseline.
        let bottoms = Set(zip(barAttributes(svg, "y"), heights).map { (($0 + $1) * 10).rounded() / 10 })
        #expect(bottoms.count == 1)
        // Ticks 0…100 by 20 labelled by the formatter, gridlines.
        for t in ["0 M€", "20 M€", "100 M€"] { #expect(svg.contains(">\(t)</text>")) }
        #expect(!svg.contains(">120 M€</text>"))
        #expect(count(svg, "stroke=\"#dddddd\"") == 5)
        #expect(svg.contains("<title>avr.\u{00A0}: 80,2</title>"))
        for m in months { #expect(svg.contains(">\(m)</text>")) }
    }

    @Test func columnsThinLabelsWhenCrowded() {
        let data = (1...60).map { ChartDatum(label: "Mois \($0)", value: Double($0), display: "v\($0)") }
        let svg = SVGChart.columns(title: "Beaucoup", description: "", data: data, idPrefix: "many") { "\(Int($0))" }
        checkDocument(svg)
        #expect(count(svg, "<rect") == 61)
        let shown = data.filter { svg.contains(">\($0.label)</text>") }.count
        #expect(shown > 3 && shown < 20)
        #expect(svg.contains(">Mois 1</text>"))
        // Value labels do not fit above 10-px-wide columns: tooltips only.
        #expect(!svg.contains(">v60</text>"))
        #expect(svg.contains("<title>Mois 60\u{00A0}: v60</title>"))
    }

    // MARK: cumulative

    @Test func cumulativeStructure() {
        let series = [
            SVGChart.Series(name: "Aides <engagées>", values: [10, 40, 90, 150]),
            SVGChart.Series(name: "Fonds européens", color: "#6a6af4", values: [5, 5, .nan, 30, 99, 99], stepped: true),
        ]
        let svg = SVGChart.cumulative(
            title: "Cumul", description: "Engagements & enveloppes", xLabels: ["janv.", "févr.", "mars", "avr."],
            series: series, reference: (label: "Enveloppes votées : 200 M€", value: 200),
            idPrefix: "cum", source: "Source : ANCT"
        ) { "\(Int($0)) M€" }
        checkDocument(svg)
        #expect(count(svg, "<path") == series.count)
        #expect(count(svg, "stroke-dasharray=\"6 4\"") == 1)
        #expect(svg.contains(">Enveloppes votées : 200 M€</text>"))
        #expect(svg.contains("<title>Aides &lt;engagées&gt;</title></path>"))
        #expect(svg.contains(">Aides &lt;engagées&gt;</text>"))  // legend
        let ds = attributes(svg, element: "<path ", "d")
        #expect(ds[0].hasPrefix("M") && count(ds[0], "L") == 3)
        // NaN leaves a gap (second "M"), steps use H/V, extra values are ignored.
        #expect(count(ds[1], "M") == 2 && ds[1].contains("H") && ds[1].contains("V"))
        // The reference line lies above every series point (200 > 150) and below the top (ticks to 200).
        let line = svg.components(separatedBy: "\n").first { $0.contains("stroke-dasharray") } ?? ""
        let y1 = Double(attributes(line, element: "<line ", "y1").first ?? "") ?? 0
        let pathYs = ds[0].split(whereSeparator: { "ML".contains($0) }).compactMap { Double($0.split(separator: " ")[1]) }
        #expect(pathYs.allSatisfy { $0 > y1 })
        #expect(svg.contains(">200 M€</text>"))
        #expect(count(svg, "<circle") == 2)
    }

    @Test func cumulativeWithoutReference() {
        let svg = SVGChart.cumulative(
            title: "Cumul", description: "", xLabels: ["a", "b"], series: [.init(name: "S", values: [1, 2])],
            reference: nil, idPrefix: "c2"
        ) { "\($0)" }
        checkDocument(svg)
        #expect(!svg.contains("stroke-dasharray"))
        #expect(count(svg, "<path") == 1)
    }

    // MARK: shareBar

    @Test func shareBarStructure() {
        let parts = [
            ChartDatum(label: "PME", value: 61, display: "61 %"), ChartDatum(label: "ETI", value: 23, display: "23 %"),
            ChartDatum(label: "Autres & <divers>", value: 16, display: "16 %"),
        ]
        let svg = SVGChart.shareBar(title: "Part", description: "PME et ETI", parts: parts, width: 600, idPrefix: "share")
        checkDocument(svg)
        // 3 segments + 3 legend swatches + background.
        #expect(count(svg, "<rect") == 7)
        let xs = barAttributes(svg, "x")
        let ws = barAttributes(svg, "width")
        #expect(abs(xs[2] + ws[2] - (600 - 12)) < 0.05)
        #expect(abs(xs[0] + ws[0] - xs[1]) < 0.05)
        #expect(abs(ws[0] / (600 - 24) - 0.61) < 0.01)
        #expect(svg.contains("fill=\"#ffffff\">61 %</text>"))  // white on blue France
        #expect(svg.contains("fill=\"#161616\">16 %</text>"))  // dark on light grey
        #expect(svg.contains("Autres &amp; &lt;divers&gt;\u{00A0}: 16 %"))
    }

    // MARK: Helpers

    @Test func helpers() {
        #expect(SVGChart.f(12) == "12")
        #expect(SVGChart.f(12.34) == "12.3")
        #expect(SVGChart.f(-0.04) == "0")
        #expect(SVGChart.f(-3.06) == "-3.1")
        #expect(SVGChart.niceTicks(80.2) == [0, 20, 40, 60, 80, 100])
        #expect(SVGChart.niceTicks(27) == [0, 10, 20, 30])
        #expect(SVGChart.niceTicks(700) == [0, 200, 400, 600, 800])
        #expect(SVGChart.niceTicks(5) == [0, 1, 2, 3, 4, 5])
        #expect(SVGChart.niceTicks(0) == [0])
        #expect(SVGChart.sanitizeId("graphique 1\"><") == "graphique-1---")
        #expect(SVGChart.sanitizeId("") == "c")
        #expect(SVGChart.contrastingText(on: "#000091") == "#ffffff")
        #expect(SVGChart.contrastingText(on: "#cacafb") == "#161616")
        #expect(SVGChart.contrastingText(on: "#fff") == "#161616")
        let (lines, truncated) = SVGChart.wrapLabel("Provence-Alpes-Côte d'Azur", maxChars: 16, maxLines: 2)
        #expect(lines == ["Provence-Alpes-", "Côte d'Azur"] && !truncated)
        let cut = SVGChart.wrapLabel("un deux trois quatre cinq six sept", maxChars: 10, maxLines: 2)
        #expect(cut.truncated && cut.lines.count == 2 && cut.lines[1].hasSuffix("…") && cut.lines.allSatisfy { $0.count <= 10 })
        #expect(SVGChart.wrapLabel("   ", maxChars: 10, maxLines: 2).lines == [""])
    }
}
