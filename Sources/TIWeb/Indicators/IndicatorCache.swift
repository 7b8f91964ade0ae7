import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The indicator dataset and everything derived from it (dashboard fragments, API answers, map
/// SVG, geography aggregates), kept per data version. The version (`data_version`, bumped by every
/// write transaction in the database itself, so every server process sees it) is checked at most
/// every `recheck` seconds (2 s in production), so a write shows within seconds in every process
/// and a warm request does no more than that one-row read.
actor IndicatorCache {
    private var version: String?
    private var checkedAt: ContinuousClock.Instant?
    private var dataset: IndicatorDataset?
    private var loading: Task<IndicatorDataset, any Error>?
    private var memo: [String: any Sendable] = [:]
    let recheck: Double

    init(recheck: Double = 2) { self.recheck = recheck }

    func currentVersion(on db: any Database) async throws -> String {
        let now = ContinuousClock.now
        if let version, let checkedAt, now - checkedAt < .seconds(recheck) { return version }
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
        if version == current {
            dataset = loaded
            loading = nil
        }
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
    func invalidate() {
        version = nil
        checkedAt = nil
    }
}

extension Application {
    private struct IndicatorCacheKey: StorageKey { typealias Value = IndicatorCache }
    var indicatorCache: IndicatorCache {
        get { storage[IndicatorCacheKey.self]! }
        set { storage[IndicatorCacheKey.self] = newValue }
    }
}
