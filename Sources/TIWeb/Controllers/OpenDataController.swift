import Foundation
import TIDomain
import TIPersistence
import Vapor

/// `/donnees`: the open-data catalogue (page and DCAT-AP), the grants in the SCDL « subventions »
/// format and the calls as « dispositifs d'aide ».
struct OpenDataController {
    /// The catalogue page.
    func catalogue(req: Request) async throws -> Response {
        HTMLResponse.make(
            DataPage(
                datasets: try await OpenDataCatalogue.datasets(req),
                regions: try await GeoQueries.regionsByName(on: req.db).map { ($0.code, $0.name) },
                publicURL: req.application.config.publicURL
            ).render())
    }

    /// The same catalogue in DCAT-AP (JSON-LD), for data.gouv.fr's harvester.
    func dcat(req: Request) async throws -> Response {
        let json = try OpenDataCatalogue.dcat(try await OpenDataCatalogue.datasets(req), base: req.application.config.publicURL)
        let response = Response(status: .ok, body: .init(string: json))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "ld+json", parameters: ["charset": "utf-8"])
        return response
    }

    struct GrantFilter: Content {
        var region: String?
        var financeur: String?
    }

    /// `/donnees/subventions.csv[?region=84][&financeur=etat|region]`: streamed, a batch of
    /// applications at a time, so memory stays flat whatever the number of lines.
    func grants(req: Request) async throws -> Response {
        let query = try req.query.decode(GrantFilter.self)
        var filter = OpenDataQueries.AidFilter()
        if let region = query.region, !region.isEmpty {
            guard try await GeoQueries.region(region, on: req.db) != nil else {
                throw AppError.badRequest("region_inconnue", "La région « \(region) » n’existe pas (code INSEE, par exemple 84).")
            }
            filter.region = region
        }
        switch query.financeur ?? "" {
        case "": break
        case "etat": filter.funder = .state
        case "region": filter.funder = .region
        case let other: throw AppError.badRequest("financeur_inconnu", "Financeur « \(other) » inconnu : etat ou region.")
        }
        let bodies = req.application.awardingBodies
        let database = req.db
        let chosen = filter
        let logger = req.logger
        let name = ["subventions", filter.region, query.financeur].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "-")
        let response = Response(
            status: .ok,
            body: .init(asyncStream: { writer in
                do {
                    try await writer.write(.buffer(ByteBuffer(string: CSVField.line(SCDLSubventions.header, separator: ","))))
                    try await OpenDataQueries.forEachAwardedAid(chosen, on: database) { aids in
                        let lines = aids.compactMap { SCDLSubventions.fields($0, bodies: bodies) }.map { CSVField.line($0, separator: ",") }
                        if !lines.isEmpty { try await writer.write(.buffer(ByteBuffer(string: lines.joined()))) }
                    }
                    try await writer.write(.end)
                } catch {
                    logger.error("subventions.csv: \(String(reflecting: error))")
                    try await writer.write(.error(error))
                }
            }))
        response.headers.contentType = Download.csv
        response.headers.contentDisposition = .init(.attachment, filename: name + ".csv")
        return response
    }

    /// `/donnees/dispositifs.csv`: every call in the « dispositif d'aide » format.
    func schemes(req: Request) async throws -> Response {
        let rows = try await Self.schemeRows(req)
        return Download.file(
            (CSVField.line(DispositifAide.header, separator: ",") + rows.map { CSVField.line($0, separator: ",") }.joined()),
            type: Download.csv, name: "dispositifs-aide.csv")
    }

    static func schemeRows(_ req: Request) async throws -> [[String]] {
        let base = req.application.config.publicURL
        let calls = try await OpenDataQueries.dispositifs(url: { base + SiteURL.fundCall($0).path }, on: req.db)
        let regionCount = try await GeoQueries.counts(on: req.db).regions
        return calls.map { DispositifAide.fields($0, regionCount: regionCount) }
    }

    /// Reads the awarding bodies' file; a missing file leaves the export empty (and says so in the
    /// log), a malformed one stops the start with its line number.
    static func awardingBodies(file: String, logger: Logger) throws -> AwardingBodies {
        guard let data = FileManager.default.contents(atPath: file) else {
            logger.warning("\(file) introuvable : aucun attribuant configuré, l’export SCDL des subventions sera vide.")
            return AwardingBodies()
        }
        do { return try AwardingBodies(parsing: String(decoding: data, as: UTF8.self)) } catch {
            throw ConfigError("\(file) : \(error.message)")
        }
    }
}

extension Application {
    private struct AwardingBodiesKey: StorageKey { typealias Value = AwardingBodies }

    var awardingBodies: AwardingBodies {
        get { storage[AwardingBodiesKey.self] ?? AwardingBodies() }
        set { storage[AwardingBodiesKey.self] = newValue }
    }
}
