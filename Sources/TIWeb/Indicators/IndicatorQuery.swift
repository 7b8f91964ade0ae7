import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The query parameters shared by indicator pages and API: as-of date, « as known at » date,
/// région, territory, breakdown.
struct IndicatorQuery: Content {
    var asOf: String?
    var knownAt: String?
    var region: String?
    var territory: String?
    var breakdown: String?

    /// The as-of date asked for (today without one); a malformed date is the client's mistake (400).
    func date(today: CivilDate) throws -> CivilDate {
        guard let raw = asOf, !raw.isEmpty else { return today }
        do { return try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
    }

    func scope(in dataset: IndicatorDataset, today: CivilDate) throws -> IndicatorScope {
        let date = try date(today: today)
        var known: CivilDate?
        if let raw = knownAt, !raw.isEmpty {
            do { known = try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
        }
        let region = region.flatMap { $0.isEmpty ? nil : $0 }
        let territory = territory.flatMap { $0.isEmpty ? nil : $0 }
        if let region, region != IndicatorScope.overseasGroup, dataset.regionNames[region] == nil {
            throw AppError.badRequest("region_inconnue", "La région « \(region) » n’existe pas (code INSEE, ou OM pour l’Outre-mer).")
        }
        if let territory, dataset.territoryNames[territory] == nil {
            throw AppError.notFound("Le territoire d’industrie « \(territory) » n’existe pas.")
        }
        return IndicatorScope(asOf: date, region: region, territory: territory, knownAt: known)
    }

    func breakdownValue() throws -> Breakdown? {
        guard let raw = breakdown, !raw.isEmpty else { return nil }
        guard let b = Breakdown(rawValue: raw) else {
            throw AppError.badRequest(
                "ventilation_inconnue", "Ventilation « \(raw) » inconnue : \(Breakdown.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return b
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case knownAt = "known_at"
        case region
        case territory
        case breakdown
    }
}

extension IndicatorScope {
    /// The scope as a cache key part.
    var key: String { "\(asOf.iso)|\(region ?? "")|\(territory ?? "")|\(knownAt?.iso ?? "")" }
}

extension Request {
    func indicatorDataset() async throws -> IndicatorDataset {
        try await application.indicatorCache.dataset(on: db)
    }

    /// A derived value cached per data version (see `IndicatorCache`).
    func memoised<T: Sendable>(_ key: String, _ compute: @Sendable () async throws -> T) async throws -> T {
        try await application.indicatorCache.memoised(key, on: db, compute)
    }
}
