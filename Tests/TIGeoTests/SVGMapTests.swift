import Testing

@testable import TIGeo

@Suite struct SVGMapTests {
    func shape(_ frame: MapFrame, _ x: Int32, _ y: Int32, _ size: Int32 = 10_000) -> ProjectedShape {
        ProjectedShape(
            frame: frame,
            polygons: [
                [
                    [
                        IntPoint(x: x, y: y), IntPoint(x: x + size, y: y),
                        IntPoint(x: x + size, y: y + size), IntPoint(x: x, y: y + size),
                    ]
                ]
            ])
    }

    @Test func accessibleEscapedAndStyleFree() {
        let map = SVGMap(
            title: "Carte <test> & \"guillemets\"", description: "Une description 'simple'",
            layers: [
                [
                    SVGMap.Feature(shape: shape(.metropole, 700_000, 6_600_000), fill: "#000091", title: "A & B", href: "/a?x=1&y=2"),
                    SVGMap.Feature(shape: shape(.metropole, 710_000, 6_600_000), title: "Sans lien", cssClass: "zone"),
                ],
                [SVGMap.Feature(shape: shape(.reunion, 340_000, 7_650_000))],
            ],
            markers: [SVGMap.Marker(frame: .metropole, position: pt(705_000, 6_605_000), title: "Point <1>")],
            legend: [SVGMap.LegendItem(label: "< 10 %", fill: "#e3e3fd")], legendTitle: "Part",
            source: "Source : INSEE & co", layout: .national, width: 600)
        let svg = map.render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // Its shapes are links: a group of links, not an image (axe: nested-interactive).
        #expect(svg.contains("role=\"group\"") && !svg.contains("role=\"img\""))
        let picture = SVGMap(
            title: "Sans lien", layers: [[SVGMap.Feature(shape: shape(.metropole, 700_000, 6_600_000))]], layout: .national, width: 600)
        #expect(picture.render().contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\""))
        #expect(svg.contains("<title id=\""))
        #expect(svg.contains("<desc id=\""))
        #expect(svg.contains("viewBox=\"0 0 600 "))
        #expect(svg.contains("Carte &lt;test&gt; &amp; &quot;guillemets&quot;"))
        #expect(svg.contains("<a href=\"/a?x=1&amp;y=2\"><title>A &amp; B</title><path"))
        #expect(svg.contains("<title>Sans lien</title></path>"))
        #expect(svg.contains("class=\"zone\""))
        #expect(svg.contains("Point &lt;1&gt;"))
        #expect(svg.contains("&lt; 10 %"))
        #expect(svg.contains("La Réunion"))  // inset present
        #expect(!svg.contains("Guadeloupe"))  // no features → no inset
        #expect(!svg.contains("style"))
        #expect(!svg.contains("<&"))
        // Balanced tags (cheap well-formedness check).
        #expect(svg.components(separatedBy: "<a ").count == svg.components(separatedBy: "</a>").count)
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func fitLayoutAndRounding() {
        let svg = SVGMap(title: "T", layers: [[SVGMap.Feature(shape: shape(.metropole, 0, 0, 1000))]], layout: .fit, width: 300).render()
        // Path coordinates are whole half pixels, in a group scaled by one half.
        let d = svg.components(separatedBy: " d=\"")[1].components(separatedBy: "\"")[0]
        #expect(d.hasPrefix("M") && d.hasSuffix("z"))
        #expect(!d.contains(where: { !"Mlz0123456789- ".contains($0) }))
        #expect(
            svg.contains(
                "<g transform=\"scale(.5)\" stroke-linejoin=\"round\" fill=\"#e3e3fd\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n<path d=\"\(d)\""
            ))
        // The 1 000 m square fills the 280 px between the margins: 560 half pixels a side, from 10 px
        // (20 half pixels) at the left and 320.5 px (641) at the bottom, under the title.
        #expect(d == "M20 641l560 0 0-560-560 0z")
        #expect(svg.contains("width=\"300\""))
    }

    /// What every shape of a layer shares is written once, on its group; what differs, on each shape.
    @Test func sharedAttributesAreWrittenOnceOnTheLayer() {
        let same = SVGMap(
            title: "T",
            layers: [
                [
                    SVGMap.Feature(shape: shape(.metropole, 0, 0), fill: "#aaaaaa", stroke: "#ffffff", strokeWidth: 0.5),
                    SVGMap.Feature(shape: shape(.metropole, 20_000, 0), fill: "#aaaaaa", stroke: "#ffffff", strokeWidth: 0.5),
                ]
            ]
        ).render()
        #expect(same.contains(##"<g transform="scale(.5)" stroke-linejoin="round" fill="#aaaaaa" stroke="#ffffff" stroke-width="0.5">"##))
        #expect(same.components(separatedBy: "<path ").count == 3 && !same.contains(##"" fill="#aaaaaa" vector"##))
        #expect(same.components(separatedBy: ##"vector-effect="non-scaling-stroke""##).count == 3)
        let different = SVGMap(
            title: "T",
            layers: [
                [
                    SVGMap.Feature(shape: shape(.metropole, 0, 0), fill: "#aaaaaa"),
                    SVGMap.Feature(shape: shape(.metropole, 20_000, 0), fill: "#bbbbbb"),
                ]
            ]
        ).render()
        #expect(different.contains(##"<g transform="scale(.5)" stroke-linejoin="round" stroke="#ffffff" stroke-width="0.5">"##))
        #expect(different.contains(##"fill="#aaaaaa" vector-effect"##) && different.contains(##"fill="#bbbbbb" vector-effect"##))
    }

    /// For a page, a large layer is a document of its own, drawn by reference with the same links,
    /// titles and fills; it does not depend on the map's title, so maps that share outlines share it.
    @Test func largeLayersAreSharedDocumentsDrawnByReference() {
        // Twelve 20 km squares with wiggly tops (enough path data to be shared) and one plain square.
        func wiggly(_ k: Int) -> ProjectedShape {
            let x0 = Int32(k * 25_000)
            let top = (0..<40).map { i in IntPoint(x: x0 + 20_000 - Int32(i * 500), y: i % 2 == 0 ? 20_000 : 20_400) }
            return ProjectedShape(frame: .metropole, polygons: [[[IntPoint(x: x0, y: 0), IntPoint(x: x0 + 20_000, y: 0)] + top]])
        }
        func map(_ title: String) -> SVGMap {
            SVGMap(
                title: title,
                layers: [
                    (0..<12).map {
                        SVGMap.Feature(shape: wiggly($0), fill: $0 == 3 ? "#000091" : "#e3e3fd", title: "Zone \($0) & co", href: "/z/\($0)")
                    },
                    [SVGMap.Feature(shape: shape(.metropole, 0, 0, 20_000), fill: "none", stroke: "#161616", title: "Contour")],
                ], layout: .fit, width: 600)
        }
        var documents: [String] = []
        let page = map("Titre").render {
            documents.append($0)
            return "/fonds/\(documents.count).svg"
        }
        // Only the large layer is apart; its shapes are its paths, named p0…p11, and keep vector-effect.
        #expect(documents.count == 1)
        let document = documents[0]
        #expect(document.hasPrefix(##"<svg xmlns="http://www.w3.org/2000/svg">"##) && document.hasSuffix("</svg>\n"))
        #expect(document.components(separatedBy: "<path id=").count == 13)
        #expect(document.contains(##"<path id="p11" vector-effect="non-scaling-stroke" d="M"##))
        #expect(!document.contains("fill") && !document.contains("title"))
        // The page draws them by reference, links, titles and the fill that differs unchanged.
        #expect(page.contains(##"<a href="/z/0"><title>Zone 0 &amp; co</title><use href="/fonds/1.svg#p0" fill="#e3e3fd"/></a>"##))
        #expect(page.contains(##"<use href="/fonds/1.svg#p3" fill="#000091"/>"##))
        #expect(page.components(separatedBy: "<use ").count == 13 && page.components(separatedBy: " d=\"").count == 2)
        #expect(page.contains(##"<title>Contour</title></path>"##))
        // Each path is the standalone map's, moved up by the title's height, which the group moves down.
        let standalone = map("Titre").render()
        let firstInPage = document.components(separatedBy: " d=\"")[1].prefix { $0 != "\"" }
        let firstAlone = standalone.components(separatedBy: " d=\"")[1].prefix { $0 != "\"" }
        let y = { (d: Substring) in Int(d.dropFirst().split(separator: "l")[0].split(separator: " ")[1])! }
        #expect(firstInPage.split(separator: "l").dropFirst().elementsEqual(firstAlone.split(separator: "l").dropFirst()))
        #expect(y(firstAlone) - y(firstInPage) == 81)  // 40.5 px, in half pixels: the margin, then the title (18 × 1.25 + 8)
        #expect(page.contains(##"<g transform="translate(0 40.5) scale(.5)""##))
        // A title on two lines: the same document.
        var other: [String] = []
        _ = map(String(repeating: "Un titre bien plus long ", count: 3)).render {
            other.append($0)
            return "x"
        }
        #expect(other == documents)
        // A standalone map has no references.
        #expect(!standalone.contains("<use") && standalone.contains(##"<g transform="scale(.5)""##))
    }

    @Test func noDetailFinerThanThePixelToleranceAsDrawn() {
        // A 100 km square whose top edge wiggles by 300 m every 2 km, drawn 280 pixels wide
        // (about 360 m per pixel): the wiggles are finer than 1 pixel, not than 0.25.
        let top: [IntPoint] = (0..<50).map { i in
            let y: Int32 = i % 2 == 0 ? 100_000 : 100_300
            return IntPoint(x: Int32(100_000 - i * 2_000), y: y)
        }
        let ring: [IntPoint] = [IntPoint(x: 0, y: 0), IntPoint(x: 100_000, y: 0)] + top + [IntPoint(x: 0, y: 100_000)]
        let wiggly = ProjectedShape(frame: .metropole, polygons: [[ring]])
        func points(_ tolerance: Double) -> Int {
            let svg = SVGMap(title: "T", layers: [[SVGMap.Feature(shape: wiggly)]], layout: .fit, width: 300, pixelTolerance: tolerance)
                .render()
            let d = svg.split(separator: " d=\"")[1].prefix { $0 != "\"" }
            return d.split { $0 == " " || $0 == "-" || $0 == "l" }.count / 2
        }
        #expect(points(0) == 53)
        #expect(points(0.25) == 53)
        #expect(points(1) == 4)
    }

    @Test func aLayerMadeOfAnotherLayersPointsIsSimplifiedEdgeOnEdgeWithIt() {
        // Two 50 km squares sharing a border, their top edges and the border wiggling by 300 m
        // every 2 km; the second layer is their union (a région drawn around its EPCI).
        func wiggle(_ i: Int) -> Int32 { i % 2 == 0 ? 0 : 300 }
        let border = (1..<50).map { IntPoint(x: 50_000 + wiggle($0), y: Int32($0 * 2_000)) }
        let westTop = (1..<25).map { IntPoint(x: Int32(50_000 - $0 * 2_000), y: 100_000 + wiggle($0)) }
        let eastTop = (1..<25).map { IntPoint(x: Int32(100_000 - $0 * 2_000), y: 100_000 + wiggle($0)) }
        let west: [IntPoint] =
            [IntPoint(x: 0, y: 0), IntPoint(x: 50_000, y: 0)] + border + [IntPoint(x: 50_000, y: 100_000)] + westTop + [
                IntPoint(x: 0, y: 100_000)
            ]
        let east: [IntPoint] =
            [IntPoint(x: 50_000, y: 0), IntPoint(x: 100_000, y: 0), IntPoint(x: 100_000, y: 100_000)] + eastTop + [
                IntPoint(x: 50_000, y: 100_000)
            ] + border.reversed()
        let parts = [west, east].map { ProjectedShape(frame: .metropole, polygons: [[$0]]) }
        let union = OutlineBuilder.merge(parts)
        var map = SVGMap(
            title: "T", layers: [[SVGMap.Feature(shape: union)], parts.map { SVGMap.Feature(shape: $0) }], layout: .fit,
            width: 320, pixelTolerance: 1)
        var box = Planar.Box()
        box.add(GeoPoint(x: 0, y: 0))
        box.add(GeoPoint(x: 100_000, y: 100_300))
        // About 333 m per pixel: the wiggles go.
        let panel = SVGMap.Panel(frame: .metropole, transform: .init(bounds: box, x: 10, y: 10, width: 300, height: 300), box: nil)
        let drawn = map.drawnShapes([panel])
        let partPoints = Set(drawn[1].flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } })
        let outline = drawn[0][0].polygons
        #expect(outline.count == 1 && outline[0].count == 1 && outline[0][0].count == 6, "\(outline)")
        #expect(outline[0][0].allSatisfy(partPoints.contains))
        #expect(drawn[1].allSatisfy { $0.pointCount < 10 })
        map.pixelTolerance = 0
        #expect(map.drawnShapes([panel]) == [[union], parts])
    }

    @Test func theCirclesOfOnePlaceAreOneLinkWithOneTitle() {
        let layer = [SVGMap.Feature(shape: shape(.metropole, 0, 0, 100_000))]
        let position = GeoPoint(x: 50_000, y: 50_000)
        let svg = SVGMap(
            title: "T", layers: [layer],
            markers: [
                SVGMap.Marker(
                    frame: .metropole, position: position, radius: 9, fill: "#e1000f", title: "Rhône : 12", href: "/departements/69"),
                SVGMap.Marker(
                    frame: .metropole, position: position, radius: 5, fill: "#f3b824", title: "Rhône : 12", href: "/departements/69"),
                SVGMap.Marker(
                    frame: .metropole, position: position, radius: 3, fill: "#f3b824", title: "Ain : 2", href: "/departements/01"),
                SVGMap.Marker(frame: .metropole, position: position, radius: 2, fill: "#f3b824", title: "Point"),
                SVGMap.Marker(frame: .metropole, position: position, radius: 1, fill: "#f3b824", title: "Point"),
            ], layout: .fit, width: 300
        ).render()
        #expect(svg.contains(##"<g stroke="#ffffff" stroke-width="1">"##))
        #expect(svg.components(separatedBy: ##"<a href="/departements/69">"##).count == 2)
        #expect(svg.components(separatedBy: "<title>Rhône : 12</title>").count == 2)
        #expect(svg.contains(##"<title>Rhône : 12</title><circle cx="150" cy="180.5" r="9" fill="#e1000f"/><circle"##))
        #expect(svg.contains(##"<a href="/departements/01"><title>Ain : 2</title><circle cx="150" cy="180.5" r="3" fill="#f3b824"/></a>"##))
        #expect(svg.contains(##"<g><title>Point</title><circle"##))
        #expect(!svg.contains(##"<circle cx="150" cy="180.5" r="9" fill="#e1000f" stroke"##))
    }

    @Test func choropleth() {
        let values = (1...100).map(Double.init)
        let breaks = Choropleth.quantileBreaks(values, classes: 4)
        #expect(breaks.count == 5)
        #expect(breaks.first == 1 && breaks.last == 100)
        #expect(Choropleth.classIndex(1, breaks: breaks) == 0)
        #expect(Choropleth.classIndex(100, breaks: breaks) == 3)
        #expect(Choropleth.classIndex(50, breaks: breaks) == 1)
        #expect(Choropleth.classIndex(-5, breaks: breaks) == 0)
        #expect(Choropleth.quantileBreaks([3, 3, 3], classes: 4) == [3, 3])
        #expect(Choropleth.quantileBreaks([], classes: 4) == [])
        for k in 1...9 {
            let p = Choropleth.palette(k)
            #expect(p.count == k)
            #expect(Set(p).count == k)
        }
    }
}
