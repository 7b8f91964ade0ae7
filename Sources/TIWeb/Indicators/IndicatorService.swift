import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The indicator dataset and everything derived from it (dashboard fragments, API answers, map
/// SVG, geography aggregates), kept per data version. The version (row counts of the tables the
/// figures read) is checked at most every `recheck` seconds, so a write shows within seconds and a
/// warm request does no database work at all.
actor IndicatorCache {
    private var version: String?
    private var checkedAt = 0.0
    private var dataset: IndicatorDataset?
    private var loading: Task<IndicatorDataset, any Error>?
    private var memo: [String: any Sendable] = [:]
    let recheck: Double

    init(recheck: Double = 5) { self.recheck = recheck }

    func currentVersion(on db: any Database) async throws -> String {
        let now = Date().timeIntervalSince1970
        if let version, now - checkedAt < recheck { return version }
        let fresh = try await IndicatorDatasetLoader.version(on: db)
        checkedAt = now
        if fresh != version {
            version = fresh
            dataset = nil
            loading = nil
            memo.removeAll()
        }
        return fresh
    }

    func dataset(on db: any Database) async throws -> IndicatorDataset {
        let current = try await currentVersion(on: db)
        if let dataset { return dataset }
        if let loading { return try await loading.value }
        let task = Task { try await IndicatorDatasetLoader.load(on: db) }
        loading = task
        let loaded = try await task.value
        if version == current { dataset = loaded; loading = nil }
        return loaded
    }

    /// A value derived from the data, computed once per data version.
    func memoised<T: Sendable>(_ key: String, on db: any Database, _ compute: @Sendable () async throws -> T) async throws -> T {
        _ = try await currentVersion(on: db)
        // Unwrap the entry first: with an optional T, `nil as? T` would succeed and look like a cached nil.
        if let entry = memo[key], let hit = entry as? T { return hit }
        let value = try await compute()
        if memo.count > 2_000 { memo.removeAll() }
        memo[key] = value
        return value
    }

    /// Forget everything now (after an import in the same process).
    func invalidate() { version = nil; checkedAt = 0 }
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

    /// A derived value cached per data version (see `IndicatorCache`).
    func memoised<T: Sendable>(_ key: String, _ compute: @Sendable () async throws -> T) async throws -> T {
        try await application.indicatorCache.memoised(key, on: db, compute)
    }
}
