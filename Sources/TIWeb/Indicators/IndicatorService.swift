import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The indicator dataset, loaded once per data version and shared by every request.
actor IndicatorCache {
    private var version: String?
    private var dataset: IndicatorDataset?
    private var loading: Task<IndicatorDataset, any Error>?

    func dataset(on db: any Database) async throws -> IndicatorDataset {
        let current = try await IndicatorDatasetLoader.version(on: db)
        if current == version, let dataset { return dataset }
        if let loading, current == version { return try await loading.value }
        let task = Task { try await IndicatorDatasetLoader.load(on: db) }
        loading = task
        version = current
        let loaded = try await task.value
        if version == current { dataset = loaded; loading = nil }
        return loaded
    }
}

extension Application {
    private struct IndicatorCacheKey: StorageKey { typealias Value = IndicatorCache }
    var indicatorCache: IndicatorCache {
        get { storage[IndicatorCacheKey.self]! }
        set { storage[IndicatorCacheKey.self] = newValue }
    }
}

/// The query parameters shared by indicator pages and API: as-of date, région, territory, breakdown.
struct IndicatorQuery: Content {
    var as_of: String?
    var region: String?
    var territory: String?
    var breakdown: String?

    func scope(in dataset: IndicatorDataset) throws -> IndicatorScope {
        var date = CivilDate.today
        if let raw = as_of, !raw.isEmpty {
            do { date = try CivilDate(parsing: raw) } catch { throw AppError.invalid(error) }
        }
        let region = region.flatMap { $0.isEmpty ? nil : $0 }
        let territory = territory.flatMap { $0.isEmpty ? nil : $0 }
        if let region, region != IndicatorScope.overseasGroup, dataset.regionNames[region] == nil {
            throw AppError.badRequest("region_inconnue", "La région « \(region) » n’existe pas (code INSEE, ou OM pour l’Outre-mer).")
        }
        if let territory, dataset.territoryNames[territory] == nil {
            throw AppError.notFound("Le territoire d’industrie « \(territory) » n’existe pas.")
        }
        return IndicatorScope(asOf: date, region: region, territory: territory)
    }

    func breakdownValue() throws -> Breakdown? {
        guard let raw = breakdown, !raw.isEmpty else { return nil }
        guard let b = Breakdown(rawValue: raw) else {
            throw AppError.badRequest("ventilation_inconnue", "Ventilation « \(raw) » inconnue : \(Breakdown.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return b
    }
}

extension Request {
    func indicatorDataset() async throws -> IndicatorDataset {
        try await application.indicatorCache.dataset(on: db)
    }
}
