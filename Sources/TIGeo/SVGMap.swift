import Foundation

/// Server-side SVG map rendering. The output is a standalone SVG document (with xmlns) that can
/// also be embedded inline in HTML. It uses presentation attributes only (no `style` attribute,
/// no `<style>` element) so that it complies with a Content-Security-Policy forbidding inline styles.
public struct SVGMap: Sendable {
    public enum Layout: Sendable {
        /// Metropole as the main map and the overseas départements (971, 972, 973, 974, 976) in
        /// boxes on the left; insets without features are skipped.
        case national
        /// Fit the bounds of all features of the majority frame (features and markers of other
        /// frames are ignored).
        case fit
    }

    public struct Feature: Sendable {
        public var shape: ProjectedShape
        public var fill: String
        public var stroke: String
        public var strokeWidth: Double
        /// Tooltip (a `<title>` child).
        public var title: String?
        /// Link target: the path is wrapped in `<a href="…">`.
        public var href: String?
        public var cssClass: String?

        public init(
            shape: ProjectedShape, fill: String = "#e3e3fd", stroke: String = "#ffffff", strokeWidth: Double = 0.5,
            title: String? = nil, href: String? = nil, cssClass: String? = nil
        ) {
            self.shape = shape
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.title = title
            self.href = href
            self.cssClass = cssClass
        }
    }

    public struct Marker: Sendable {
        public var frame: MapFrame
        /// Projected metres in `frame`.
        public var position: GeoPoint
        /// Radius in pixels.
        public var radius: Double
        public var fill: String
        public var title: String?
        public var href: String?

        public init(
            frame: MapFrame, position: GeoPoint, radius: Double = 4, fill: String = "#000091",
            title: String? = nil, href: String? = nil
        ) {
            self.frame = frame
            self.position = position
            self.radius = radius
            self.fill = fill
            self.title = title
            self.href = href
        }
    }

    public struct LegendItem: Sendable {
        public var label: String
        public var fill: String
        public init(label: String, fill: String) {
            self.label = label
            self.fill = fill
        }
    }

    public var title: String
    public var description: String
    /// Drawn in order: `layers[0]` first (bottom).
    public var layers: [[Feature]]
    public var markers: [Marker]
    public var legend: [LegendItem]
    public var legendTitle: String?
    public var source: String
    public var layout: Layout
    /// Width in pixels; the height is derived from the content.
    public var width: Int
    /// Prefix of the `id`s of `<title>` and `<desc>` (must be unique in an HTML page embedding
    /// several maps); default: derived from a hash of the title and description.
    public var idPrefix: String?
    /// No detail finer than this, in pixels of the map as drawn (see `drawnShapes`); 0 draws the
    /// outlines as stored. A national map of 760 pixels draws France's coarse outlines (1 km) at
    /// about 1.9 km per pixel: at 1 pixel it needs half their points, and looks the same. Layers
    /// made of other outlines (régions under territories) are simplified apart, so their common
    /// edges can drift apart by up to this much; a layer made of another's points (a merge of it)
    /// follows that one exactly.
    public var pixelTolerance: Double = 0

    public init(
        title: String, description: String = "", layers: [[Feature]] = [], markers: [Marker] = [],
        legend: [LegendItem] = [], legendTitle: String? = nil, source: String = "",
        layout: Layout = .fit, width: Int = 800, idPrefix: String? = nil, pixelTolerance: Double = 0
    ) {
        self.title = title
        self.description = description
        self.layers = layers
        self.markers = markers
        self.legend = legend
        self.legendTitle = legendTitle
        self.source = source
        self.layout = layout
        self.width = width
        self.idPrefix = idPrefix
        self.pixelTolerance = pixelTolerance
    }

    // MARK: - Rendering

    static let font = "Marianne, Arial, Helvetica, sans-serif"
    static let textColor = "#161616"
    static let mutedColor = "#666666"

    /// Maps a frame's metres to pixels.
    struct Transform {
        var minX: Double, maxY: Double, scale: Double, offsetX: Double, offsetY: Double
        @inline(__always) func x(_ v: Double) -> Double { offsetX + (v - minX) * scale }
        @inline(__always) func y(_ v: Double) -> Double { offsetY + (maxY - v) * scale }

        /// Fits `b` into the rectangle, centred.
        init(bounds b: Planar.Box, x: Double, y: Double, width: Double, height: Double) {
            let dx = max(b.maxX - b.minX, 1)
            let dy = max(b.maxY - b.minY, 1)
            scale = min(width / dx, height / dy)
            minX = b.minX
            maxY = b.maxY
            offsetX = x + (width - dx * scale) / 2
            offsetY = y + (height - dy * scale) / 2
        }
    }

    struct Panel {
        var frame: MapFrame
        var transform: Transform
        /// Inset box (x, y, w, h) and label, nil for the main panel.
        var box: (Double, Double, Double, Double)?
    }

    /// The map as one standalone SVG document.
    public func render() -> String { render(sharing: nil, minimumBytes: 0) }

    /// The map for a page, its outlines kept apart: each layer with more than `minimumBytes` of
    /// path data (below, a request would cost more than it saves) is written once as a document of
    /// its own (`<path id="p…">`s, no styling but `vector-effect`, which is not inherited), which
    /// `address` names (the caller keeps and serves it), and the map draws its shapes with
    /// `<use href="address#p…">`, with the same links, titles, fills and strokes as `render()`. A
    /// browser fetches such a document once and keeps it: the pages that show the same outlines
    /// (a région and each of its territories) carry only their links, titles and colours. The
    /// shapes are drawn from the top of the map area (each layer's group is moved down under the
    /// title), so a layer's document does not depend on the map's title.
    public func render(sharingLayers address: (_ document: String) -> String, minimumBytes: Int = 2048) -> String {
        withoutActuallyEscaping(address) { render(sharing: $0, minimumBytes: minimumBytes) }
    }

    private func render(sharing: ((String) -> String)?, minimumBytes: Int) -> String {
        let margin = 10.0
        let w = Double(max(width, 200))
        var out = ""
        out.reserveCapacity(1 << 16)

        // Bounds per frame.
        var frameBounds: [MapFrame: Planar.Box] = [:]
        var frameCounts: [MapFrame: Int] = [:]
        for layer in layers {
            for f in layer where !f.shape.isEmpty {
                let b = f.shape.bounds
                var box = frameBounds[f.shape.frame] ?? Planar.Box()
                box.add(GeoPoint(x: b.minX, y: b.minY))
                box.add(GeoPoint(x: b.maxX, y: b.maxY))
                frameBounds[f.shape.frame] = box
                frameCounts[f.shape.frame, default: 0] += 1
            }
        }

        // Title lines.
        let titleSize = 18.0
        let titleLines = Self.wrap(title, maxChars: max(10, Int((w - 2 * margin) / (titleSize * 0.55))))
        let titleHeight = titleLines.isEmpty ? 0 : Double(titleLines.count) * titleSize * 1.25 + 8
        let mapTop = margin + titleHeight

        // Panels.
        var panels: [Panel] = []
        var mapHeight = 0.0
        switch layout {
        case .national:
            let overseas = MapFrame.allCases.filter { $0 != .metropole && frameBounds[$0] != nil }
            let insetWidth = overseas.isEmpty ? 0 : (w * 0.16).rounded()
            let gap = 8.0
            let mainX = margin + (overseas.isEmpty ? 0 : insetWidth + gap)
            let mainWidth = w - margin - mainX
            if let b = frameBounds[.metropole] {
                let dx = max(b.maxX - b.minX, 1)
                let dy = max(b.maxY - b.minY, 1)
                let mainHeight = min(mainWidth * dy / dx, w * 1.2)
                panels.append(
                    Panel(
                        frame: .metropole, transform: Transform(bounds: b, x: mainX, y: mapTop, width: mainWidth, height: mainHeight),
                        box: nil))
                mapHeight = mainHeight
            }
            if !overseas.isEmpty {
                let n = Double(overseas.count)
                let boxHeight = max(insetWidth * 0.8, min(insetWidth, (mapHeight - (n - 1) * gap) / n))
                let labelHeight = 14.0
                for (i, frame) in overseas.enumerated() {
                    let by = mapTop + Double(i) * (boxHeight + gap)
                    let t = Transform(
                        bounds: frameBounds[frame]!, x: margin + 4, y: by + labelHeight + 2,
                        width: insetWidth - 8, height: boxHeight - labelHeight - 6)
                    panels.append(Panel(frame: frame, transform: t, box: (margin, by, insetWidth, boxHeight)))
                }
                mapHeight = max(mapHeight, n * boxHeight + (n - 1) * gap)
            }
        case .fit:
            if let frame = frameCounts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key,
                let b = frameBounds[frame]
            {
                let dx = max(b.maxX - b.minX, 1)
                let dy = max(b.maxY - b.minY, 1)
                let availableWidth = w - 2 * margin
                let h = min(availableWidth * dy / dx, w * 1.2)
                panels.append(
                    Panel(frame: frame, transform: Transform(bounds: b, x: margin, y: mapTop, width: availableWidth, height: h), box: nil))
                mapHeight = h
            }
        }

        // Legend layout (flow of swatches).
        let legendFont = 12.0
        var legendRows: [[(LegendItem, Double)]] = []
        var legendHeight = 0.0
        if !legend.isEmpty {
            let inner = w - 2 * margin - 16
            var row: [(LegendItem, Double)] = []
            var rowWidth = 0.0
            for item in legend {
                let itemWidth = 22 + Double(item.label.count) * legendFont * 0.56 + 14
                if rowWidth + itemWidth > inner && !row.isEmpty {
                    legendRows.append(row)
                    row = []
                    rowWidth = 0
                }
                row.append((item, rowWidth))
                rowWidth += itemWidth
            }
            legendRows.append(row)
            legendHeight = 10 + (legendTitle == nil ? 0 : 20) + Double(legendRows.count) * 20 + 4
        }
        let legendTop = mapTop + mapHeight + (mapHeight > 0 ? 10 : 0)
        let sourceTop = legendTop + legendHeight + (legendHeight > 0 ? 8 : 0)
        let sourceHeight = source.isEmpty ? 0.0 : 16
        let height = (sourceTop + sourceHeight + margin).rounded(.up)

        // Document.
        let prefix = idPrefix ?? "map-" + Self.hashHex(title + "\u{0}" + description)
        let widthText = Self.num(w)
        let heightText = Self.num(height)
        // A map whose shapes are links is a group of links, not an image: role="img" would hide
        // them from assistive technologies (and nest interactive content in an image).
        let interactive = layers.contains { $0.contains { $0.href != nil } } || markers.contains { $0.href != nil }
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(widthText)\" height=\"\(heightText)\" viewBox=\"0 0 \(widthText) \(heightText)\" role=\"\(interactive ? "group" : "img")\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\" font-family=\"\(Self.font)\">\n"
        out += "<title id=\"\(prefix)-title\">\(Self.escape(title))</title>\n"
        out += "<desc id=\"\(prefix)-desc\">\(Self.escape(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(widthText)\" height=\"\(heightText)\" fill=\"#ffffff\"/>\n"
        for (i, line) in titleLines.enumerated() {
            let y = margin + titleSize + Double(i) * titleSize * 1.25
            out +=
                "<text x=\"\(Self.num(margin))\" y=\"\(Self.num(y))\" font-size=\"\(Self.num(titleSize))\" font-weight=\"bold\" fill=\"\(Self.textColor)\">\(Self.escape(line))</text>\n"
        }
        for panel in panels {
            if let (bx, by, bw, bh) = panel.box {
                out +=
                    "<rect x=\"\(Self.num(bx))\" y=\"\(Self.num(by))\" width=\"\(Self.num(bw))\" height=\"\(Self.num(bh))\" fill=\"none\" stroke=\"#929292\" stroke-width=\"0.75\"/>\n"
                out +=
                    "<text x=\"\(Self.num(bx + 4))\" y=\"\(Self.num(by + 12))\" font-size=\"10\" fill=\"\(Self.textColor)\">\(Self.escape(panel.frame.label))</text>\n"
            }
        }
        let drawn = drawnShapes(panels)
        // Shared layers are drawn from the top of the map area, their group moved under the title.
        let shift = sharing == nil ? 0 : mapTop
        for (layer, shapes) in zip(layers, drawn) {
            // Path data is in half pixels (see `pathData`). What every shape of the layer shares is
            // said once, on the group (fill and stroke are inherited; vector-effect is not).
            let fill = Set(layer.map(\.fill)).count == 1 ? layer.first?.fill : nil
            let stroke = Set(layer.map(\.stroke)).count == 1 ? layer.first?.stroke : nil
            let strokeWidth = Set(layer.map(\.strokeWidth)).count == 1 ? layer.first?.strokeWidth : nil
            let paths = zip(layer, shapes).compactMap { feature, shape -> (Feature, String)? in
                guard var t = panels.first(where: { $0.frame == shape.frame })?.transform else { return nil }
                t.offsetY -= shift
                let d = Self.pathData(shape, t)
                return d.isEmpty ? nil : (feature, d)
            }
            var document: String?
            if let sharing, paths.reduce(0, { $0 + $1.1.utf8.count }) > minimumBytes {
                var text = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
                for (i, (_, d)) in paths.enumerated() {
                    text += "<path id=\"p\(i)\" vector-effect=\"non-scaling-stroke\" d=\"\(d)\"/>\n"
                }
                document = sharing(text + "</svg>\n")
            }
            out += "<g transform=\"\(shift == 0 ? "" : "translate(0 \(Self.num(shift))) ")scale(.5)\" stroke-linejoin=\"round\""
            if let fill { out += " fill=\"\(Self.escape(fill))\"" }
            if let stroke { out += " stroke=\"\(Self.escape(stroke))\"" }
            if let strokeWidth { out += " stroke-width=\"\(Self.num(strokeWidth))\"" }
            out += ">\n"
            for (i, (feature, d)) in paths.enumerated() {
                var element = document.map { "<use href=\"\(Self.escape($0))#p\(i)\"" } ?? "<path d=\"\(d)\""
                if fill == nil { element += " fill=\"\(Self.escape(feature.fill))\"" }
                if stroke == nil { element += " stroke=\"\(Self.escape(feature.stroke))\"" }
                if strokeWidth == nil { element += " stroke-width=\"\(Self.num(feature.strokeWidth))\"" }
                if document == nil { element += " vector-effect=\"non-scaling-stroke\"" }
                // Default nonzero fill rule: holes are wound opposite to outer rings, and overlapping
                // outer rings (data artefacts) stay filled.
                if let c = feature.cssClass { element += " class=\"\(Self.escape(c))\"" }
                out += Self.wrapLink(element: element, title: feature.title, href: feature.href, closing: document == nil ? "path" : "use")
            }
            out += "</g>\n"
        }
        if !markers.isEmpty {
            // The white outline is said once; the circles of one place (a total and the share
            // inside a territory) are one link with one title: a screen reader meets each place once.
            out += "<g stroke=\"#ffffff\" stroke-width=\"1\">\n"
            let placed = markers.compactMap { m in panels.first(where: { $0.frame == m.frame }).map { (m, $0.transform) } }
            var start = 0
            while start < placed.count {
                let first = placed[start].0
                var end = start + 1
                while end < placed.count, placed[end].0.title == first.title, placed[end].0.href == first.href { end += 1 }
                let circles = placed[start..<end].map { m, t in
                    let cx = Self.num(Self.round1(t.x(m.position.x)))
                    let cy = Self.num(Self.round1(t.y(m.position.y)))
                    return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(Self.num(m.radius))\" fill=\"\(Self.escape(m.fill))\""
                }
                if circles.count == 1 {
                    out += Self.wrapLink(element: circles[0], title: first.title, href: first.href, closing: "circle")
                } else {
                    let t = first.title.map { "<title>\(Self.escape($0))</title>" } ?? ""
                    let open = first.href.map { "<a href=\"\(Self.escape($0))\">" } ?? "<g>"
                    out += open + t + circles.map { $0 + "/>" }.joined() + (first.href == nil ? "</g>\n" : "</a>\n")
                }
                start = end
            }
            out += "</g>\n"
        }
        if !legend.isEmpty {
            out +=
                "<rect x=\"\(Self.num(margin))\" y=\"\(Self.num(legendTop))\" width=\"\(Self.num(w - 2 * margin))\" height=\"\(Self.num(legendHeight))\" fill=\"#ffffff\" stroke=\"#dddddd\" stroke-width=\"1\"/>\n"
            var y = legendTop + 10
            if let lt = legendTitle {
                out +=
                    "<text x=\"\(Self.num(margin + 8))\" y=\"\(Self.num(y + 12))\" font-size=\"13\" font-weight=\"bold\" fill=\"\(Self.textColor)\">\(Self.escape(lt))</text>\n"
                y += 20
            }
            for row in legendRows {
                for (item, x0) in row {
                    let x = margin + 8 + x0
                    out +=
                        "<rect x=\"\(Self.num(x))\" y=\"\(Self.num(y))\" width=\"14\" height=\"14\" fill=\"\(Self.escape(item.fill))\" stroke=\"#929292\" stroke-width=\"0.5\"/>"
                    out +=
                        "<text x=\"\(Self.num(x + 20))\" y=\"\(Self.num(y + 11.5))\" font-size=\"\(Self.num(legendFont))\" fill=\"\(Self.textColor)\">\(Self.escape(item.label))</text>\n"
                }
                y += 20
            }
        }
        if !source.isEmpty {
            out +=
                "<text x=\"\(Self.num(margin))\" y=\"\(Self.num(sourceTop + 11))\" font-size=\"10\" fill=\"\(Self.mutedColor)\">\(Self.escape(source))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// The shapes of every layer as drawn: as stored, or no finer than `pixelTolerance`. In each
    /// panel, the layer with the most points first: a layer whose shapes are all made of points
    /// that an earlier one kept or dropped (a merge of its shapes: a région's or a territory's
    /// outline over its EPCI) keeps and drops the same, and so draws the same edges; any other
    /// layer is simplified through its own topology.
    func drawnShapes(_ panels: [Panel]) -> [[ProjectedShape]] {
        var drawn = layers.map { $0.map(\.shape) }
        guard pixelTolerance > 0 else { return drawn }
        for panel in panels {
            let members = drawn.map { shapes in shapes.indices.filter { shapes[$0].frame == panel.frame } }
            let points = members.enumerated().map { l, indices in indices.reduce(0) { $0 + drawn[l][$1].pointCount } }
            var kept: [IntPoint: Bool] = [:]
            for l in layers.indices.sorted(by: { points[$0] > points[$1] }) where !members[l].isEmpty {
                let shapes = members[l].map { drawn[l][$0] }
                let vertices = shapes.flatMap(\.vertices)
                let simplified: [ProjectedShape]
                if !kept.isEmpty, vertices.allSatisfy({ kept[$0] != nil }) {
                    simplified = shapes.map { Self.keeping(kept, of: $0) }
                } else {
                    simplified = OutlineBuilder.simplify(shapes, tolerance: pixelTolerance / panel.transform.scale)
                    let survivors = Set(simplified.flatMap(\.vertices))
                    for v in vertices where kept[v] == nil { kept[v] = survivors.contains(v) }
                }
                for (i, shape) in zip(members[l], simplified) { drawn[l][i] = shape }
            }
        }
        return drawn
    }

    /// A shape with only the points `kept` says are kept; rings left with fewer than 3 points go,
    /// with their holes when it is an outer ring.
    static func keeping(_ kept: [IntPoint: Bool], of shape: ProjectedShape) -> ProjectedShape {
        var polygons: [[[IntPoint]]] = []
        for polygon in shape.polygons {
            var rings: [[IntPoint]] = []
            for (i, ring) in polygon.enumerated() {
                let left = ring.filter { kept[$0] == true }
                if left.count >= 3 {
                    rings.append(left)
                } else if i == 0 {
                    break
                }
            }
            if !rings.isEmpty { polygons.append(rings) }
        }
        return ProjectedShape(frame: shape.frame, polygons: polygons)
    }

    static func wrapLink(element: String, title: String?, href: String?, closing: String) -> String {
        let t = title.map { "<title>\(escape($0))</title>" } ?? ""
        if let href {
            return "<a href=\"\(escape(href))\">\(t)\(element)/></a>\n"
        }
        if !t.isEmpty { return "\(element)>\(t)</\(closing)>\n" }
        return "\(element)/>\n"
    }

    /// Path data in half pixels, whole numbers (drawn in a group scaled by one half): absolute
    /// move-to, then relative line-tos computed from rounded absolute positions (no drift; shared
    /// borders render identically). Half a pixel is finer than a screen at twice the density shows,
    /// and whole numbers take about 40 % fewer bytes than tenths of pixels: the maps are most of
    /// the bytes of the pages that show them.
    static func pathData(_ shape: ProjectedShape, _ t: Transform) -> String {
        var d: [UInt8] = []
        d.reserveCapacity(shape.pointCount * 6)
        var pts: [(Int, Int)] = []
        for polygon in shape.polygons {
            for (ri, ring) in polygon.enumerated() {
                pts.removeAll(keepingCapacity: true)
                for p in ring {
                    let q = (Int((t.x(Double(p.x)) * 2).rounded()), Int((t.y(Double(p.y)) * 2).rounded()))
                    if let last = pts.last, last == q { continue }
                    pts.append(q)
                }
                while pts.count > 1 && pts.first! == pts.last! { pts.removeLast() }
                if pts.count < 3 {
                    if ri == 0 { break } else { continue }
                }
                d.append(UInt8(ascii: "M"))
                appendInteger(&d, pts[0].0, first: true)
                appendInteger(&d, pts[0].1, first: false)
                d.append(UInt8(ascii: "l"))
                var prev = pts[0]
                var first = true
                for q in pts.dropFirst() {
                    appendInteger(&d, q.0 - prev.0, first: first)
                    appendInteger(&d, q.1 - prev.1, first: false)
                    first = false
                    prev = q
                }
                d.append(UInt8(ascii: "z"))
            }
        }
        return String(decoding: d, as: UTF8.self)
    }

    /// Appends a whole number; a space separates it from the previous number unless it starts
    /// with "-" or follows a command letter.
    @inline(__always)
    static func appendInteger(_ d: inout [UInt8], _ v: Int, first: Bool) {
        if v < 0 {
            d.append(UInt8(ascii: "-"))
        } else if !first {
            d.append(UInt8(ascii: " "))
        }
        d.append(contentsOf: String(abs(v)).utf8)
    }

    static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }

    /// Compact number formatting with at most 2 decimals.
    static func num(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// XML escaping for text and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func wrap(_ text: String, maxChars: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > maxChars {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func hashHex(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h & 0xFFFF_FFFF, radix: 16)
    }
}
