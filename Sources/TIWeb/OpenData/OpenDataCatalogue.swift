import Foundation
import TIDomain
import TIPersistence
import Vapor

/// One published dataset: what the `/donnees` page lists and DCAT-AP describes.
struct OpenDataset: Sendable {
    struct Distribution: Sendable {
        var format: String
        var mediaType: String
        var path: String
    }

    var id: String
    var title: String
    var description: String
    /// The official schema the files follow, if any (name, address).
    var schema: (name: String, url: String)?
    var distributions: [Distribution]
    var rows: Int
    var modified: CivilDate
}

/// The catalogue of `/donnees`, computed from the data (row counts, latest change) at each request.
enum OpenDataCatalogue {
    static let licence = (name: "Licence Ouverte / Etalab 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
    static let publisher = "Agence nationale de la cohésion des territoires (programme Territoires d’industrie)"

    static func datasets(_ req: Request) async throws -> [OpenDataset] {
        let today = req.clock.today
        let changes = try await OpenDataQueries.lastChanges(on: req.db)
        let day = { (date: Date?) in date.map { CivilDate(parisDayOf: $0) } ?? today }
        var grants = 0
        let bodies = req.application.awardingBodies
        try await OpenDataQueries.forEachAwardedAid(.init(), on: req.db) { aids in
            grants += aids.filter { SCDLSubventions.fields($0, bodies: bodies) != nil }.count
        }
        let schemes = try await Self.schemeCount(req)
        let laureates = try await MapPageController.laureates(req, asOf: today).count
        let territories = try await GeoQueries.counts(on: req.db).territories
        let sites = try await SiteQueries.list(.init(asOf: today), on: req.db)
        let actions = try await ActionQueries.list(.init(), range: 0..<0, on: req.db).total
        let csv = "text/csv"
        let geo = "application/geo+json"
        let json = "application/json"
        return [
            OpenDataset(
                id: "subventions", title: "Subventions du fonds d’accélération",
                description:
                    "Les aides décidées aux entreprises lauréates, une ligne par décision et par financeur (l’État, par la préfecture de région ; la Région, par le conseil régional), au format national SCDL « subventions ». L’objet est le résumé public du projet quand l’entreprise a accepté sa publication.",
                schema: ("SCDL subventions 2.1.1", "https://schema.data.gouv.fr/scdl/subventions/2.1.1/"),
                distributions: [.init(format: "CSV", mediaType: csv, path: SiteURL.dataGrants.path)], rows: grants,
                modified: day(changes.applications)),
            OpenDataset(
                id: "dispositifs", title: "Appels à projets du fonds (dispositifs d’aide)",
                description:
                    "Chaque appel à projets du fonds d’accélération : conditions d’éligibilité, régions couvertes, dates d’ouverture et de clôture, au format « dispositif d’aide » d’Etalab. Les lignes de subventions y renvoient par leur identifiant.",
                schema: ("Dispositifs d’aides 0.2.0", "https://schema.data.gouv.fr/etalab/schema-dispositif-aide/"),
                distributions: [
                    .init(format: "CSV", mediaType: csv, path: SiteURL.dataSchemes.path),
                    .init(format: "JSON", mediaType: json, path: APIURL.calls.path),
                ], rows: schemes, modified: day(changes.calls)),
            OpenDataset(
                id: "laureats", title: "Lauréats du fonds d’accélération",
                description:
                    "Les projets lauréats à ce jour, placés au centre de leur commune (WGS 84) : entreprise, commune, territoire, investissement, aide, emplois prévus, date de décision.",
                schema: nil, distributions: [.init(format: "GeoJSON", mediaType: geo, path: SiteURL.mapLayer("laureats.geojson").path)],
                rows: laureates, modified: day(changes.applications)),
            OpenDataset(
                id: "territoires", title: "Périmètres des Territoires d’industrie",
                description:
                    "Les territoires et leur contour (union des intercommunalités membres, WGS 84), avec leurs intercommunalités et communes par l’API.",
                schema: nil,
                distributions: [
                    .init(format: "GeoJSON", mediaType: geo, path: SiteURL.mapLayer("territoires.geojson").path),
                    .init(format: "JSON", mediaType: json, path: APIURL.territories.path),
                ], rows: territories, modified: day(changes.territories)),
            OpenDataset(
                id: "sites", title: "Sites industriels clés en main",
                description:
                    "Les sites qualifiés « clés en main » à ce jour : commune, surface, surface disponible, procédures purgées, vague de labellisation.",
                schema: nil,
                distributions: [
                    .init(format: "CSV", mediaType: csv, path: SiteURL.sitesCSV.path),
                    .init(format: "GeoJSON", mediaType: geo, path: SiteURL.sitesGeoJSON.path),
                    .init(format: "JSON", mediaType: json, path: APIURL.sites.path),
                ], rows: sites.count, modified: sites.map(\.content.wave.date).max() ?? today),
            OpenDataset(
                id: "zonages", title: "Communes en zonage (QPV, AFR, ZRR, ACV)",
                description:
                    "Les communes concernées par un zonage de la politique de la ville ou de l’aménagement du territoire (quartiers prioritaires, aides à finalité régionale, zones de revitalisation rurale, Action cœur de ville), placées en leur centre (WGS 84), avec leurs zonages et la nature de la liste (officielle ou de démonstration).",
                schema: nil,
                distributions: [.init(format: "GeoJSON", mediaType: geo, path: SiteURL.mapLayer("zonages.geojson").path)],
                rows: try await OpenDataQueries.zonedCommuneCount(on: req.db), modified: day(changes.territories)),
            OpenDataset(
                id: "actions", title: "Actions des plans d’actions des territoires",
                description: "Les fiches actions validées par les Régions : axe, thématiques, porteur, statut, investissement prévu.",
                schema: nil,
                distributions: [
                    .init(format: "CSV", mediaType: csv, path: SiteURL.plansCSV.path),
                    .init(format: "JSON", mediaType: json, path: APIURL.actions.path),
                ], rows: actions, modified: today),
        ]
    }

    static func schemeCount(_ req: Request) async throws -> Int {
        try await OpenDataQueries.dispositifs(url: { _ in "" }, on: req.db).count
    }

    /// DCAT-AP 2 in JSON-LD: a `dcat:Catalog` of `dcat:Dataset`s with their `dcat:Distribution`s.
    static func dcat(_ datasets: [OpenDataset], base: String) throws -> String {
        let publisher: [String: Any] = ["@type": "foaf:Agent", "foaf:name": publisher]
        let catalogue: [String: Any] = [
            "@context": [
                "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
                "xsd": "http://www.w3.org/2001/XMLSchema#",
            ],
            "@id": base + SiteURL.dataCatalogue.path, "@type": "dcat:Catalog",
            "dct:title": "Données ouvertes Territoires d’industrie",
            "dct:description": "Les jeux de données publiés par la plateforme Territoires d’industrie, sous licence Etalab 2.0.",
            "dct:publisher": publisher, "dct:license": ["@id": licence.url], "foaf:homepage": ["@id": base + SiteURL.data.path],
            "dcat:dataset": datasets.map { d -> [String: Any] in
                var dataset: [String: Any] = [
                    "@id": base + SiteURL.data.path + "#" + d.id, "@type": "dcat:Dataset", "dct:identifier": d.id,
                    "dct:title": d.title, "dct:description": d.description, "dct:publisher": publisher,
                    "dct:license": ["@id": licence.url], "dct:modified": ["@value": d.modified.iso, "@type": "xsd:date"],
                    "dcat:landingPage": ["@id": base + SiteURL.data.path + "#" + d.id],
                    "dcat:keyword": ["Territoires d’industrie", "industrie", d.id],
                    "dcat:distribution": d.distributions.map { x -> [String: Any] in
                        [
                            "@type": "dcat:Distribution", "dct:title": "\(d.title) (\(x.format))", "dct:format": x.format,
                            "dcat:mediaType": x.mediaType, "dcat:accessURL": ["@id": base + x.path],
                            "dcat:downloadURL": ["@id": base + x.path], "dct:license": ["@id": licence.url],
                        ]
                    },
                ]
                if let schema = d.schema { dataset["dct:conformsTo"] = ["@id": schema.url, "dct:title": schema.name] }
                return dataset
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: catalogue, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
