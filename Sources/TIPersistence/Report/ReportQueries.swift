import FluentKit
import Foundation
import TIDomain

/// What the report reads beyond the indicator engine: the laureates it may present by name
/// (those whose carrier agreed to publication and wrote a public summary), and the editions.
public enum ReportQueries {
    public struct Showcase: Sendable, Equatable {
        public var id: UUID
        public var reference: String?
        public var name: String
        public var communeName: String
        public var size: CompanySize?
        public var sector: Sector?
        public var summary: String
    }

    /// Among these applications, those with consent and a public summary.
    public static func showcase(_ ids: [UUID], on db: any Database) async throws -> [Showcase] {
        guard !ids.isEmpty else { return [] }
        let apps = try await FundApplication.query(on: db).filter(\.$id ~~ ids).filter(\.$publicationConsent == true).all()
            .filter { !($0.publicSummary ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let codes = Set(apps.compactMap(\.communeCode))
        let names = Dictionary(
            try await Commune.query(on: db).filter(\.$id ~~ codes).all().map { ($0.id ?? "", $0.name) }, uniquingKeysWith: { a, _ in a })
        return apps.map { a in
            Showcase(
                id: a.id!, reference: a.reference, name: a.carrierName ?? "—", communeName: a.communeCode.flatMap { names[$0] } ?? "",
                size: a.size.flatMap(CompanySize.init(rawValue:)), sector: a.sector.flatMap(Sector.init(rawValue:)),
                summary: a.publicSummary ?? "")
        }
    }

    // MARK: Editions

    public struct Edition: Sendable, Equatable {
        public var id: UUID
        public var title: String
        public var asOf: CivilDate
        public var region: String?
        public var editorial: [String: String]
        public var published: Date?
        public var frozenHTML: String?
        public var frozenFigures: String?
    }

    static func edition(_ e: ReportEdition) -> Edition? {
        guard let id = e.id, let asOf = try? CivilDate(parsing: e.asOf) else { return nil }
        let editorial = (try? JSONDecoder().decode([String: String].self, from: Data(e.editorialJSON.utf8))) ?? [:]
        return Edition(
            id: id, title: e.title, asOf: asOf, region: e.regionCode, editorial: editorial,
            published: e.publishedEpoch.map { Date(timeIntervalSince1970: $0) }, frozenHTML: e.frozenHTML, frozenFigures: e.frozenFigures)
    }

    public static func editions(on db: any Database) async throws -> [Edition] {
        try await ReportEdition.query(on: db).sort(\.$createdEpoch, .descending).all().compactMap(edition)
    }

    public static func edition(_ id: UUID, on db: any Database) async throws -> Edition? {
        try await ReportEdition.find(id, on: db).flatMap(edition)
    }
}
