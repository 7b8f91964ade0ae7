import Foundation

/// Server-side charts rendered as standalone SVG documents (with xmlns), also embeddable inline in
/// HTML. Like `SVGMap`: presentation attributes only (no `style` attribute, no `<style>` element,
/// for a Content-Security-Policy forbidding inline styles), no JavaScript, white background and dark
/// text (prints well), `role="img"` with `<title>`/`<desc>` referenced by `aria-labelledby`
/// (ids `<idPrefix>-title` and `<idPrefix>-desc`), all text escaped, coordinates rounded to 0.1.
///
/// Values are formatted by the caller (French formatting): charts take a numeric value for the
/// geometry and a display string, or a `valueFormatter` for axis ticks.
///
/// The first element after `<desc>` is always the white background `<rect>`; bars, columns and
/// share segments are the only other `<rect>` elements, apart from the legend swatches of
/// `shareBar`.
public enum SVGChart {
    /// A series of `cumulative`.
    public struct Series: Sendable {
        public var name: String
        public var color: String
        /// One value per x label (extra values are ignored; a shorter array ends the line early;
        /// non-finite values leave a gap, negative values count as 0).
        public var values: [Double]
        /// Draw as steps (value held until the next label) instead of straight segments.
        public var stepped: Bool

        public init(name: String, color: String = "#000091", values: [Double], stepped: Bool = false) {
            self.name = name
            self.color = color
            self.values = values
            self.stepped = stepped
        }
    }

    // MARK: - Horizontal bars

    /// Horizontal bars in the given order. The label column is as wide as the longest label (up to
    /// 40 % of the width); longer labels wrap on two lines, then are truncated with an ellipsis (the
    /// full text is then the row's `<title>` tooltip). Values are printed after the bar end. `note`
    /// (e.g. a reference) is printed under the chart, `source` at the bottom.
    public static func horizontalBars(
        title: String, description: String, data: [ChartDatum], width: Int = 720,
        color: String = "#000091", idPrefix: String, source: String? = nil,
        note: String? = nil
    ) -> String {
        let w = Double(max(width, 240))
        var (body, y) = titleBlock(title, width: w)
        if data.isEmpty {
            body += emptyMessage(width: w, y: y + 24)
            y += 44
        } else {
            let labelSize = 13.0
            let valueSize = 13.0
            let lineHeight = 15.0
            let barHeight = 16.0
            let longest = Double(data.map { $0.label.count }.max() ?? 0)
            let labelWidth = max(24, min(longest * labelSize * charWidth, (w - 2 * margin) * 0.4))
            let maxChars = max(3, Int(labelWidth / (labelSize * charWidth)))
            let valueWidth = (data.map { textWidth($0.display, size: valueSize) }.max() ?? 0) + 10
            let labelRight = margin + labelWidth
            let x0 = labelRight + 8
            let barMax = max(20, w - margin - valueWidth - x0)
            let values = data.map { clamp($0.value) }
            let vmax = values.max() ?? 0
            y += 4
            let top = y
            for (d, v) in zip(data, values) {
                let (lines, truncated) = wrapLabel(d.label, maxChars: maxChars, maxLines: 2)
                let rowHeight = max(26, Double(lines.count) * lineHeight + 10)
                let cy = y + rowHeight / 2
                var length = vmax > 0 ? v / vmax * barMax : 0
                if v > 0 { length = max(length, 1) }
                length = round1(length)
                var row = "<g>"
                if truncated { row += "<title>\(esc(d.label))</title>" }
                let firstBaseline = cy - Double(lines.count - 1) * lineHeight / 2 + labelSize * 0.35
                for (i, line) in lines.enumerated() {
                    row += text(line, x: labelRight, y: firstBaseline + Double(i) * lineHeight, size: labelSize, anchor: "end")
                }
                row +=
                    "<rect x=\"\(f(x0))\" y=\"\(f(cy - barHeight / 2))\" width=\"\(f(length))\" height=\"\(f(barHeight))\" fill=\"\(esc(color))\"/>"
                row += text(d.display, x: x0 + length + 6, y: cy + valueSize * 0.35, size: valueSize)
                row += "</g>"
                body += link(row, href: d.href) + "\n"
                y += rowHeight
            }
            body += "<line x1=\"\(f(x0))\" y1=\"\(f(top))\" x2=\"\(f(x0))\" y2=\"\(f(y))\" stroke=\"\(axisInk)\" stroke-width=\"1\"/>\n"
        }
        if let note, !note.isEmpty {
            y += 6
            for line in SVGMap.wrap(note, maxChars: max(10, Int((w - 2 * margin) / (12 * charWidth)))) {
                y += 15
                body += text(line, x: margin, y: y, size: 12, fill: axisInk) + "\n"
            }
        }
        y = sourceLine(source, body: &body, y: y)
        return document(width: w, height: y + margin, idPrefix: idPrefix, title: title, description: description, body: body)
    }

    // MARK: - Columns

    /// Vertical columns (e.g. by month) with x labels (every k-th one when crowded) and horizontal
    /// gridlines at "nice" ticks computed from the maximum, labelled with `valueFormatter`. Each
    /// column has a `<title>` tooltip "label : display"; the display string is printed above the
    /// column when it fits. `height` is the total height (grown if the title leaves too little room).
    public static func columns(
        title: String, description: String, data: [ChartDatum], width: Int = 720, height: Int = 280,
        color: String = "#000091", idPrefix: String, source: String? = nil,
        valueFormatter: @Sendable (Double) -> String
    ) -> String {
        let w = Double(max(width, 240))
        var (body, top) = titleBlock(title, width: w)
        if data.isEmpty {
            body += emptyMessage(width: w, y: top + 24)
            let y = sourceLine(source, body: &body, y: top + 44)
            return document(width: w, height: y + margin, idPrefix: idPrefix, title: title, description: description, body: body)
        }
        let values = data.map { clamp($0.value) }
        let axis = Axis(max: values.max() ?? 0, formatter: valueFormatter)
        let bottomArea = 24 + (source?.isEmpty == false ? 20.0 : 0)
        let frame = plotFrame(width: w, height: Double(height), top: top + 14, leftLabelWidth: axis.labelWidth, bottomArea: bottomArea)
        body += axis.gridlines(frame)
        let band = frame.width / Double(data.count)
        let columnWidth = max(1, min(band * 0.7, 64))
        for (i, (d, v)) in zip(data, values).enumerated() {
            let cx = frame.left + (Double(i) + 0.5) * band
            var h = frame.height * v / axis.top
            if v > 0 { h = max(h, 1) }
            h = round1(h)
            let yTop = frame.bottom - h
            var col =
                "<rect x=\"\(f(cx - columnWidth / 2))\" y=\"\(f(yTop))\" width=\"\(f(columnWidth))\" height=\"\(f(h))\" fill=\"\(esc(color))\">"
            col += "<title>\(esc(d.label))\u{00A0}: \(esc(d.display))</title></rect>"
            if textWidth(d.display, size: 11) <= band - 2 {
                col += text(d.display, x: cx, y: yTop - 4, size: 11, anchor: "middle")
            }
            body += link(col, href: d.href) + "\n"
        }
        body += xLabels(data.map(\.label), frame: frame, band: band)
        body += baseline(frame)
        let y = sourceLine(source, body: &body, y: frame.bottom + 24)
        return document(width: w, height: y + margin, idPrefix: idPrefix, title: title, description: description, body: body)
    }

    // MARK: - Cumulative series

    /// Cumulative series over ordered x labels (e.g. aid committed by month) versus a ceiling (e.g. the
    /// envelopes voted): one `<path>` per series (line or steps) and a dashed horizontal reference
    /// line labelled `reference.label` (include the formatted value in the label if wanted); gridlines
    /// labelled with `valueFormatter`; legend of the series under the chart.
    public static func cumulative(
        title: String, description: String, xLabels labels: [String], series: [Series],
        reference: (label: String, value: Double)?, width: Int = 720, height: Int = 300,
        idPrefix: String, source: String? = nil,
        valueFormatter: @Sendable (Double) -> String
    ) -> String {
        let w = Double(max(width, 240))
        var (body, top) = titleBlock(title, width: w)
        let n = labels.count
        let hasData = n > 0 && series.contains { s in s.values.prefix(n).contains { $0.isFinite } }
        if !hasData {
            body += emptyMessage(width: w, y: top + 24)
            let y = sourceLine(source, body: &body, y: top + 44)
            return document(width: w, height: y + margin, idPrefix: idPrefix, title: title, description: description, body: body)
        }
        let refValue = reference.map { clamp($0.value) }
        var vmax = refValue ?? 0
        for s in series {
            for v in s.values.prefix(n) where v.isFinite { vmax = max(vmax, v) }
        }
        let axis = Axis(max: vmax, formatter: valueFormatter)
        let legendItems = series.map { (Swatch.line($0.color), $0.name) }
        let legendRows = flowRows(legendItems, width: w - 2 * margin)
        let bottomArea = 24 + Double(legendRows.count) * 20 + (source?.isEmpty == false ? 20.0 : 0)
        let frame = plotFrame(width: w, height: Double(height), top: top + 10, leftLabelWidth: axis.labelWidth, bottomArea: bottomArea)
        body += axis.gridlines(frame)
        let band = frame.width / Double(n)
        func x(_ i: Int) -> Double { round1(frame.left + (Double(i) + 0.5) * band) }
        func y(_ v: Double) -> Double { round1(frame.bottom - frame.height * max(v, 0) / axis.top) }
        if let reference, let refValue {
            let ry = y(refValue)
            body +=
                "<line x1=\"\(f(frame.left))\" y1=\"\(f(ry))\" x2=\"\(f(frame.right))\" y2=\"\(f(ry))\" stroke=\"\(axisInk)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
            // Above the line (top left corner, where cumulative series are usually low), or below it
            // when too close to the top.
            let ly = ry - frame.top >= 16 ? ry - 6 : ry + 15
            body += text(reference.label, x: frame.left + 6, y: ly, size: 12, weight: "bold") + "\n"
        }
        for s in series {
            var d = ""
            var pen = false
            var last: (Double, Double)?
            for (i, v) in s.values.prefix(n).enumerated() {
                guard v.isFinite else {
                    pen = false
                    continue
                }
                let px = x(i)
                let py = y(v)
                if !pen {
                    d += "M\(f(px)) \(f(py))"
                    pen = true
                } else if s.stepped {
                    d += "H\(f(px))V\(f(py))"
                } else {
                    d += "L\(f(px)) \(f(py))"
                }
                last = (px, py)
            }
            guard let last else { continue }
            body +=
                "<path d=\"\(d)\" fill=\"none\" stroke=\"\(esc(s.color))\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\"><title>\(esc(s.name))</title></path>"
            body += "<circle cx=\"\(f(last.0))\" cy=\"\(f(last.1))\" r=\"3.5\" fill=\"\(esc(s.color))\"/>\n"
        }
        body += xLabels(labels, frame: frame, band: band)
        body += baseline(frame)
        var yy = frame.bottom + 24
        body += legend(legendRows, x: margin, y: yy + 4)
        yy += Double(legendRows.count) * 20
        yy = sourceLine(source, body: &body, y: yy)
        return document(width: w, height: yy + margin, idPrefix: idPrefix, title: title, description: description, body: body)
    }

    // MARK: - Share bar

    /// A "100 %" stacked bar (e.g. 84 % SMEs/mid-caps vs 16 % others): one segment per non-zero part
    /// with its display string inside when it fits (text colour chosen for contrast with the fill),
    /// then a legend "label : display" for every part.
    public static func shareBar(
        title: String, description: String, parts: [ChartDatum], width: Int = 720, idPrefix: String,
        colors: [String] = ["#000091", "#cacafb", "#e5e5e5"]
    ) -> String {
        let w = Double(max(width, 240))
        var (body, y) = titleBlock(title, width: w)
        let values = parts.map { clamp($0.value) }
        let total = values.reduce(0, +)
        let palette = colors.isEmpty ? ["#000091"] : colors
        if parts.isEmpty || total <= 0 {
            body += emptyMessage(width: w, y: y + 24)
            return document(width: w, height: y + 44 + margin, idPrefix: idPrefix, title: title, description: description, body: body)
        }
        let barHeight = 36.0
        let inner = w - 2 * margin
        y += 4
        var x = margin
        let lastPart = values.lastIndex { $0 > 0 }
        for (i, (d, v)) in zip(parts, values).enumerated() where v > 0 {
            let fill = palette[i % palette.count]
            // Snap segment ends to 0.1 px so that the segments exactly tile the bar.
            let end = i == lastPart ? margin + inner : round1(x + v / total * inner)
            let sw = max(end - x, 0)
            var seg =
                "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(sw))\" height=\"\(f(barHeight))\" fill=\"\(esc(fill))\" stroke=\"#ffffff\" stroke-width=\"1\">"
            seg += "<title>\(esc(d.label))\u{00A0}: \(esc(d.display))</title></rect>"
            if textWidth(d.display, size: 13) + 10 <= sw {
                seg += text(
                    d.display, x: x + sw / 2, y: y + barHeight / 2 + 13 * 0.35, size: 13, fill: contrastingText(on: fill),
                    anchor: "middle", weight: "bold")
            }
            body += link(seg, href: d.href) + "\n"
            x = end
        }
        y += barHeight + 12
        let items = parts.enumerated().map {
            (Swatch.box(palette[$0.offset % palette.count]), "\($0.element.label)\u{00A0}: \($0.element.display)")
        }
        let rows = flowRows(items, width: inner)
        body += legend(rows, x: margin, y: y)
        y += Double(rows.count) * 20
        return document(width: w, height: y + margin, idPrefix: idPrefix, title: title, description: description, body: body)
    }
}
