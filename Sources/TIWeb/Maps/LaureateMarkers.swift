import TIDomain
import TIGeo
import TIPersistence

/// The laureates on the national map. One dot each while dots stay readable (at most `limit`);
/// beyond, one group per commune, and beyond `limit` communes one group per département. A
/// group is drawn as two concentric circles whose areas are proportional to its laureates (red)
/// and to those inside a Territoire d’industrie (yellow, on top): the red ring is the share
/// outside. Thousands of dots would hide each other and weigh megabytes.
struct LaureateMarkers {
    enum Grouping: Equatable {
        case none, commune, departement
    }

    static let limit = 1_500
    static let insideFill = "#f3b824"
    static let outsideFill = "#e1000f"

    private(set) var grouping: Grouping = .none
    private(set) var markers: [SVGMap.Marker] = []
    /// Circles drawn: laureates, communes or départements.
    private(set) var groups = 0
    let limit: Int

    /// - Parameters:
    ///   - dotRadius: the radius of a laureate's own dot, in pixels.
    ///   - links: dots lead to the laureate's page, circles to the département's (not in a printed report).
    ///   - departementName: the name of a département from its code (for the circles' titles).
    init(
        _ laureates: [LaureatePoint], limit: Int = Self.limit, dotRadius: Double = 2.2, links: Bool = true,
        departementName: (String) -> String
    ) {
        self.limit = limit
        if laureates.count <= limit {
            markers = laureates.map { l in
                let frame = MapFrame.forDepartement(l.departement)
                return SVGMap.Marker(
                    frame: frame, position: frame.project(GeoPoint(x: l.lon, y: l.lat)), radius: dotRadius,
                    fill: l.territory != nil ? Self.insideFill : Self.outsideFill,
                    title: "\(l.name) — \(l.communeName)", href: links ? SiteURL.laureate(l.id).path : nil)
            }
            groups = markers.count
            return
        }
        var byCommune: [String: Group] = [:]
        for l in laureates { byCommune[l.commune, default: Group(l.commune, l, label: "\(l.communeName) (\(l.commune))")].add(l) }
        var chosen = Array(byCommune.values)
        grouping = .commune
        if chosen.count > limit {
            var byDepartement: [String: Group] = [:]
            for l in laureates {
                byDepartement[l.departement, default: Group(l.departement, l, label: departementName(l.departement))].add(l)
            }
            chosen = Array(byDepartement.values)
            grouping = .departement
        }
        groups = chosen.count
        // The largest group has the largest radius; areas are proportional to the counts.
        let largest = Double(chosen.map(\.total).max() ?? 1)
        let maxRadius = grouping == .commune ? 9.0 : 18.0
        func radius(_ n: Int) -> Double { max(1.5, (maxRadius * (Double(n) / largest).squareRoot() * 10).rounded() / 10) }
        // Largest first, so that smaller circles stay visible on top.
        for g in chosen.sorted(by: { $0.total != $1.total ? $0.total > $1.total : $0.key < $1.key }) {
            let title =
                "\(g.label) : \(Components.plural(g.total, "lauréat", "lauréats")), dont \(FrenchNumber.grouped(g.inside)) dans un Territoire d’industrie"
            let href = links ? SiteURL.departement(g.departement).path : nil
            let position = GeoPoint(x: g.sumX / Double(g.total), y: g.sumY / Double(g.total))
            if g.inside < g.total {
                markers.append(
                    SVGMap.Marker(
                        frame: g.frame, position: position, radius: radius(g.total), fill: Self.outsideFill, title: title, href: href))
            }
            if g.inside > 0 {
                // The inside disc's area is its share of the whole circle's area.
                let r = g.inside == g.total ? radius(g.total) : max(1, radius(g.total) * (Double(g.inside) / Double(g.total)).squareRoot())
                markers.append(
                    SVGMap.Marker(
                        frame: g.frame, position: position, radius: (r * 10).rounded() / 10, fill: Self.insideFill, title: title, href: href
                    ))
            }
        }
    }

    /// Laureates gathered in one circle: counts and the mean of their projected positions.
    private struct Group {
        var key: String
        var label: String
        var departement: String
        var frame: MapFrame
        var total = 0
        var inside = 0
        var sumX = 0.0
        var sumY = 0.0

        init(_ key: String, _ first: LaureatePoint, label: String) {
            self.key = key
            self.label = label
            departement = first.departement
            frame = MapFrame.forDepartement(first.departement)
        }

        mutating func add(_ l: LaureatePoint) {
            let p = frame.project(GeoPoint(x: l.lon, y: l.lat))
            total += 1
            if l.territory != nil { inside += 1 }
            sumX += p.x
            sumY += p.y
        }
    }

    /// One sentence for the page and the map's description.
    var explanation: String? {
        let unit: String
        switch grouping {
        case .none: return nil
        case .commune: unit = "commune (\(FrenchNumber.grouped(groups)) communes)"
        case .departement: unit = "département (\(FrenchNumber.grouped(groups)) départements)"
        }
        return
            "Au-delà de \(FrenchNumber.grouped(limit)) points, la carte deviendrait illisible : les lauréats sont regroupés par \(unit). L’aire de chaque cercle est proportionnelle au nombre de lauréats ; la partie jaune, à ceux situés dans un Territoire d’industrie."
    }
}
