import Fluent
import NIOConcurrencyHelpers
import TIDomain
import TIPersistence
import Vapor

/// The indicator dataset and everything derived from it (dashboard fragments, API answers, map
/// SVG, geography aggregates), kept per data version. The version (`data_version`, bumped by every
/// write transaction in the database itself, so every server process sees it) is checked at most
/// every `recheck` seconds, so a write shows within that delay in every process and a warm request
/// does no more than that one-row read.
///
/// When the writes since the cached version all said which applications they changed
/// (`data_changes`), only those records are read again and patched into the dataset (a committee
/// deciding files one after another does not reload 100 000 applications each time); otherwise
/// the whole dataset is reloaded; when they changed no figure (an action plan, a site), nothing is.
/// Derived values are recomputed in every case.
actor IndicatorCache {
    private var version: Int64?
    private var checkedAt: ContinuousClock.Instant?
    private var dataset: IndicatorDataset?
    /// Application id → index in `dataset.applications`, built on the first incremental refresh.
    private var positions: [String: Int]?
    private var loading: Task<IndicatorDataset, any Error>?
    private var refreshing: Task<Int64, any Error>?
    private var memo: [String: any Sendable] = [:]
    /// The version this process last saw change, and when (for `Last-Modified`).
    private var observed: (version: Int64, at: Date)?
    let recheck: Double
    /// How many times the dataset was loaded, whole or patched, and how long it took (for `/metrics`).
    struct Loads: Sendable {
        var full = 0
        var fullSeconds = 0.0
        var lastFullSeconds = 0.0
        var incremental = 0
        var incrementalSeconds = 0.0
    }

    nonisolated var loads: Loads { loadStats.withLockedValue { $0 } }
    private nonisolated let loadStats = NIOLockedValueBox(Loads())
    /// `version` and `checkedAt`, for `recentVersion`.
    private nonisolated let seen = NIOLockedValueBox<(version: Int64, at: ContinuousClock.Instant)?>(nil)

    init(recheck: Double = 0.5) { self.recheck = recheck }

    /// Whether the whole dataset was loaded once; if not, starts loading it in the background
    /// (once: concurrent loads share one task). For readiness and `ti serve`'s warm-up.
    @discardableResult
    nonisolated func warmUp(on db: any Database) -> Bool {
        if loadStats.withLockedValue({ $0.full > 0 }) { return true }
        Task { _ = try? await self.dataset(on: db) }
        return false
    }

    func currentVersion(on db: any Database) async throws -> Int64 {
        if let version, let checkedAt, ContinuousClock.now - checkedAt < .seconds(recheck) { return version }
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.refresh(on: db) }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    /// The version read less than `recheck` ago, without waiting for the actor (nil: read it now).
    nonisolated func recentVersion() -> Int64? {
        seen.withLockedValue { seen in seen.flatMap { ContinuousClock.now - $0.at < .seconds(recheck) ? $0.version : nil } }
    }

    private func refresh(on db: any Database) async throws -> Int64 {
        let fresh = try await IndicatorDatasetLoader.version(on: db)
        checkedAt = ContinuousClock.now
        defer { if let version, let checkedAt { seen.withLockedValue { $0 = (version, checkedAt) } } }
        guard fresh != version else { return fresh }
        if let old = version, fresh > old, dataset != nil, loading == nil {
            let changes = try await IndicatorDatasetLoader.changes(after: old, upTo: fresh, on: db)
            if changes.everything {
                forgetDataset()
            } else if !changes.applications.isEmpty {
                let start = ContinuousClock.now
                let records = try await IndicatorDatasetLoader.applications(Array(changes.applications), on: db)
                patch(records, changed: changes.applications)
                let seconds = start.secondsSince
                loadStats.withLockedValue {
                    $0.incremental += 1
                    $0.incrementalSeconds += seconds
                }
            }
        } else {
            forgetDataset()
        }
        version = fresh
        memo.removeAll()
        return fresh
    }

    private func forgetDataset() {
        dataset = nil
        positions = nil
        loading = nil
    }

    /// Replaces the changed applications' records, adds new ones, removes deleted ones.
    private func patch(_ records: [ApplicationRecord], changed: Set<UUID>) {
        guard var data = dataset else { return }
        dataset = nil  // the array is uniquely referenced while it is patched
        var index =
            positions ?? Dictionary(data.applications.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in changed.map(\.uuidString) {
            if let record = byID[id] {
                if let i = index[id] {
                    data.applications[i] = record
                } else {
                    index[id] = data.applications.count
                    data.applications.append(record)
                }
            } else if let i = index[id] {
                let last = data.applications.count - 1
                if i != last {
                    data.applications.swapAt(i, last)
                    index[data.applications[i].id] = i
                }
                data.applications.removeLast()
                index[id] = nil
            }
        }
        positions = index
        dataset = data
    }

    func dataset(on db: any Database) async throws -> IndicatorDataset {
        let current = try await currentVersion(on: db)
        if let dataset { return dataset }
        if let loading { return try await loading.value }
        let task = Task { [loadStats] in
            let start = ContinuousClock.now
            let loaded = try await IndicatorDatasetLoader.load(on: db)
            let seconds = start.secondsSince
            loadStats.withLockedValue {
                $0.full += 1
                $0.fullSeconds += seconds
                $0.lastFullSeconds = seconds
            }
            return loaded
        }
        loading = task
        let loaded = try await task.value
        if version == current, dataset == nil {
            dataset = loaded
            positions = nil
            loading = nil
        }
        return loaded
    }

    /// A value derived from the data, computed once per data version.
    func memoised<T: Sendable>(_ key: String, on db: any Database, _ compute: @Sendable () async throws -> T) async throws -> T {
        let computedAt = try await currentVersion(on: db)
        // Unwrap the entry first: with an optional T, `nil as? T` would succeed and look like a cached nil.
        if let entry = memo[key], let hit = entry as? T { return hit }
        let value = try await compute()
        // Kept only if no newer version arrived meanwhile (it would be stale under the new one).
        if version == computedAt {
            if memo.count > 2_000 { memo.removeAll() }
            memo[key] = value
        }
        return value
    }

    /// How many derived values are memoised now (tests: what a request leaves behind).
    var memoisedCount: Int { memo.count }

    /// When this process saw the current data version first (at most `recheck` after the write;
    /// for the version found at start, the first request's time).
    func lastChange(on db: any Database, now: Date) async throws -> Date {
        let current = try await currentVersion(on: db)
        if let observed, observed.version == current { return observed.at }
        observed = (current, now)
        return now
    }

    /// Forget everything now (after an import in the same process).
    func invalidate() {
        version = nil
        checkedAt = nil
        seen.withLockedValue { $0 = nil }
    }
}

extension Application {
    private struct IndicatorCacheKey: StorageKey { typealias Value = IndicatorCache }
    var indicatorCache: IndicatorCache {
        get { storage[IndicatorCacheKey.self]! }
        set { storage[IndicatorCacheKey.self] = newValue }
    }
}
