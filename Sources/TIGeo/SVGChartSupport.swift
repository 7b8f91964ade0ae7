import Foundation

/// Layout and markup helpers of `SVGChart`.
extension SVGChart {
    static let margin = 12.0
    /// Approximate advance of a character, as a fraction of the font size.
    static let charWidth = 0.55
    static let titleSize = 16.0
    static let ink = SVGMap.textColor  // #161616
    static let axisInk = "#3a3a3a"
    static let muted = SVGMap.mutedColor  // #666666, 5.7:1 on white
    static let gridColor = "#dddddd"

    // MARK: Numbers and text

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    /// Coordinate rounded to 0.1: "12", "12.5", "-3.1".
    static func f(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return "0" }
        let tenths = Int((v * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        return (tenths < 0 ? "-" : "") + String(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    static func esc(_ s: String) -> String { SVGMap.escape(s) }

    static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * charWidth }

    /// Negative and non-finite values count as 0.
    static func clamp(_ v: Double) -> Double { v.isFinite && v > 0 ? v : 0 }

    /// Keeps `[A-Za-z0-9_-]` (other characters become "-") so that the ids are valid in
    /// `aria-labelledby`.
    static func sanitizeId(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": out.unicodeScalars.append(c)
            default: out += "-"
            }
        }
        if out.isEmpty || !(out.unicodeScalars.first!.properties.isAlphabetic) { out = "c" + out }
        return out
    }

    static func text(
        _ s: String, x: Double, y: Double, size: Double, fill: String = ink, anchor: String? = nil,
        weight: String? = nil
    ) -> String {
        var t = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\""
        if let anchor { t += " text-anchor=\"\(anchor)\"" }
        if let weight { t += " font-weight=\"\(weight)\"" }
        t += " fill=\"\(esc(fill))\">\(esc(s))</text>"
        return t
    }

    static func link(_ markup: String, href: String?) -> String {
        guard let href, !href.isEmpty else { return markup }
        return "<a href=\"\(esc(href))\">\(markup)</a>"
    }

    /// Splits a label into at most `maxLines` lines of at most `maxChars` characters, breaking at
    /// spaces, after hyphens and slashes, or inside over-long words; `truncated` when the text did
    /// not fit (the last line then ends with "…").
    static func wrapLabel(_ text: String, maxChars: Int, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let maxChars = max(maxChars, 2)
        let maxLines = max(maxLines, 1)
        var pieces: [(text: String, separator: String)] = []
        var current = ""
        var separator = ""
        for ch in text {
            if ch.isWhitespace {
                if !current.isEmpty {
                    pieces.append((current, separator))
                    current = ""
                }
                separator = pieces.isEmpty ? "" : " "
            } else if ch == "-" || ch == "/" {
                current.append(ch)
                pieces.append((current, separator))
                current = ""
                separator = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { pieces.append((current, separator)) }
        var lines: [String] = []
        var line = ""
        for (piece, sep) in pieces {
            if !line.isEmpty && line.count + sep.count + piece.count <= maxChars {
                line += sep + piece
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var rest = Substring(piece)
            while rest.count > maxChars {
                lines.append(String(rest.prefix(maxChars)))
                rest = rest.dropFirst(maxChars)
            }
            line = String(rest)
        }
        if !line.isEmpty { lines.append(line) }
        if lines.isEmpty { return ([""], false) }
        if lines.count <= maxLines { return (lines, false) }
        var kept = Array(lines.prefix(maxLines))
        var last = Substring(kept[maxLines - 1].prefix(maxChars - 1))
        while let c = last.last, c == " " || c == "-" || c == "/" || c == "," { last.removeLast() }
        kept[maxLines - 1] = last + "…"
        return (kept, true)
    }

    // MARK: Document

    static func document(width: Double, height: Double, idPrefix: String, title: String, description: String, body: String) -> String {
        let p = sanitizeId(idPrefix)
        let w = f(width)
        let h = f(height.rounded(.up))
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-labelledby=\"\(p)-title \(p)-desc\" font-family=\"\(SVGMap.font)\">\n"
        out.reserveCapacity(out.utf8.count + body.utf8.count + 256)
        out += "<title id=\"\(p)-title\">\(esc(title))</title>\n"
        out += "<desc id=\"\(p)-desc\">\(esc(description))</desc>\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += body
        out += "</svg>\n"
        return out
    }

    /// The title, wrapped; returns its markup and the y below it.
    static func titleBlock(_ title: String, width: Double) -> (String, Double) {
        let lines = SVGMap.wrap(title, maxChars: max(10, Int((width - 2 * margin) / (titleSize * 0.6))))
        var out = ""
        for (i, line) in lines.enumerated() {
            out += text(line, x: margin, y: margin + titleSize + Double(i) * titleSize * 1.25, size: titleSize, weight: "bold") + "\n"
        }
        return (out, lines.isEmpty ? margin : margin + Double(lines.count) * titleSize * 1.25 + 10)
    }

    static func emptyMessage(width: Double, y: Double) -> String {
        text("Aucune donnée", x: width / 2, y: y, size: 14, fill: axisInk, anchor: "middle") + "\n"
    }

    /// Appends the source line (if any) below `y`; returns the new bottom.
    static func sourceLine(_ source: String?, body: inout String, y: Double) -> Double {
        guard let source, !source.isEmpty else { return y }
        body += text(source, x: margin, y: y + 16, size: 11, fill: muted) + "\n"
        return y + 20
    }

    // MARK: Axes

    struct PlotFrame {
        var left: Double, right: Double, top: Double, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    /// The plot rectangle: `bottomArea` (x labels, legend, source) is kept under it within the total
    /// `height`, the plot being at least 80 px high.
    static func plotFrame(width: Double, height: Double, top: Double, leftLabelWidth: Double, bottomArea: Double) -> PlotFrame {
        let bottom = max(top + 80, height - margin - bottomArea)
        return PlotFrame(left: margin + leftLabelWidth + 6, right: width - margin - 4, top: top, bottom: bottom)
    }

    /// "Nice" ticks from 0 covering `max`: the smallest step of 1, 2 or 5 × 10^k giving at most 5
    /// intervals; `[0]` when `max` is 0.
    static func niceTicks(_ max: Double) -> [Double] {
        guard max.isFinite, max > 0 else { return [0] }
        let magnitude = pow(10, log10(max / 5).rounded(.down))
        var step = 10 * magnitude
        for m in [1.0, 2, 5] where max / (m * magnitude) <= 5 + 1e-9 {
            step = m * magnitude
            break
        }
        let count = Int((max / step - 1e-9).rounded(.up))
        return (0...Swift.max(count, 1)).map { Double($0) * step }
    }

    struct Axis {
        var ticks: [Double]
        var labels: [String]
        /// Value at the top of the plot.
        var top: Double
        var labelWidth: Double

        init(max: Double, formatter: (Double) -> String) {
            ticks = SVGChart.niceTicks(max)
            top = ticks.last! > 0 ? ticks.last! : 1
            labels = ticks.map(formatter)
            labelWidth = labels.map { SVGChart.textWidth($0, size: 11) }.max() ?? 0
        }

        func gridlines(_ frame: PlotFrame) -> String {
            var out = ""
            for (t, label) in zip(ticks, labels) {
                let y = SVGChart.round1(frame.bottom - frame.height * t / top)
                if t > 0 {
                    out +=
                        "<line x1=\"\(f(frame.left))\" y1=\"\(f(y))\" x2=\"\(f(frame.right))\" y2=\"\(f(y))\" stroke=\"\(gridColor)\" stroke-width=\"1\"/>"
                }
                out += SVGChart.text(label, x: frame.left - 6, y: y + 11 * 0.35, size: 11, fill: axisInk, anchor: "end") + "\n"
            }
            return out
        }
    }

    static func baseline(_ frame: PlotFrame) -> String {
        "<line x1=\"\(f(frame.left))\" y1=\"\(f(frame.bottom))\" x2=\"\(f(frame.right))\" y2=\"\(f(frame.bottom))\" stroke=\"\(axisInk)\" stroke-width=\"1\"/>\n"
    }

    /// Category labels centred under each band, every k-th one when they would overlap (labels are
    /// truncated to 16 characters).
    static func xLabels(_ labels: [String], frame: PlotFrame, band: Double) -> String {
        let shown = labels.map { wrapLabel($0, maxChars: 16, maxLines: 1).lines[0] }
        let widest = (shown.map { textWidth($0, size: 11) }.max() ?? 0) + 8
        let step = max(1, Int((widest / max(band, 0.1)).rounded(.up)))
        var out = ""
        for (i, label) in shown.enumerated() where i % step == 0 {
            out += text(label, x: frame.left + (Double(i) + 0.5) * band, y: frame.bottom + 16, size: 11, fill: axisInk, anchor: "middle")
        }
        return out + "\n"
    }

    // MARK: Legend

    enum Swatch {
        case box(String)
        case line(String)
    }

    /// Lays legend items out in rows within `width`; each item carries its x offset.
    static func flowRows(_ items: [(Swatch, String)], width: Double) -> [[(Swatch, String, Double)]] {
        var rows: [[(Swatch, String, Double)]] = []
        var row: [(Swatch, String, Double)] = []
        var x = 0.0
        for (swatch, label) in items {
            let itemWidth = 24 + textWidth(label, size: 12) + 18
            if x + itemWidth > width && !row.isEmpty {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((swatch, label, x))
            x += itemWidth
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// Legend rows 20 px high from `y`.
    static func legend(_ rows: [[(Swatch, String, Double)]], x: Double, y: Double) -> String {
        var out = ""
        for (r, row) in rows.enumerated() {
            let ry = y + Double(r) * 20
            for (swatch, label, dx) in row {
                let sx = x + dx
                switch swatch {
                case .box(let fill):
                    out +=
                        "<rect x=\"\(f(sx))\" y=\"\(f(ry + 3))\" width=\"14\" height=\"14\" fill=\"\(esc(fill))\" stroke=\"#929292\" stroke-width=\"0.5\"/>"
                case .line(let color):
                    out +=
                        "<line x1=\"\(f(sx))\" y1=\"\(f(ry + 10))\" x2=\"\(f(sx + 18))\" y2=\"\(f(ry + 10))\" stroke=\"\(esc(color))\" stroke-width=\"3\"/>"
                }
                out += text(label, x: sx + 24, y: ry + 14.5, size: 12) + "\n"
            }
        }
        return out
    }

    // MARK: Colours

    /// `#161616` or `#ffffff`, whichever contrasts more with `fill` (`#rgb` or `#rrggbb`; other
    /// colour syntaxes get the dark text).
    static func contrastingText(on fill: String) -> String {
        guard let l = luminance(fill) else { return ink }
        let inkL = 0.0080  // relative luminance of #161616
        let onWhite = 1.05 / (l + 0.05)
        let onInk = (l + 0.05) / (inkL + 0.05)
        return onWhite > onInk ? "#ffffff" : ink
    }

    /// WCAG relative luminance of a hex colour.
    static func luminance(_ hex: String) -> Double? {
        var s = Substring(hex.trimmingCharacters(in: .whitespaces))
        guard s.first == "#" else { return nil }
        s = s.dropFirst()
        if s.count == 3 { s = Substring(s.map { "\($0)\($0)" }.joined()) }
        guard s.count == 6, let v = UInt32(s, radix: 16) else { return nil }
        func channel(_ c: UInt32) -> Double {
            let x = Double(c) / 255
            return x <= 0.039_28 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
    }
}
