/// # Indicator engine
///
/// Every figure the programme publishes is computed here from flat records (`IndicatorDataset`),
/// never typed in. An indicator is a catalogued definition (`IndicatorCatalog`): an id, a French
/// label and description, a unit, a population (laureates, applications or TI) and a *measure* — a
/// function from a group of records to an `IndicatorValue` (value, exact cents for money,
/// numerator/denominator, coverage) plus optional named parts.
///
/// Computing goes in three steps:
/// 1. `IndicatorContext` makes **one pass** over the applications for the scope and as-of date and
///    keeps the laureates (decided on or before the date, in a laureate state at that date), each
///    flattened once into a `LaureateFacts` (amounts in cents, flags and bit sets: no reference
///    counting, no hashing in the measures). The applications population (every application that
///    exists at the date, with its state then) is a second pass, made only when an indicator needs
///    it. Territories (in the programme at the date, in scope) and envelope allotments (made by the date, in scope) are filtered the same way. The
///    context is shared by every indicator in `computeAll`.
/// 2. The measure runs over the whole population (single pass, integer sums for money).
/// 3. With a breakdown, one more pass puts each record index into the row(s) its key(s) give
///    (`IndicatorGrouping`), then the same measure runs per row, so shares keep their own
///    numerators, denominators and coverage. Multi-label dimensions (stakes and sub-stakes, and TI
///    straddling two régions) put a record in several rows; the result is then flagged
///    `multiLabel` with a note, and rows must not be summed.
///
/// The cost is linear in the number of records; no step is quadratic.
public enum IndicatorEngine {
    /// Every catalogued indicator, in display order.
    public static let definitions: [IndicatorDefinition] = IndicatorCatalog.entries.map(\.definition)

    static let entriesByID: [String: IndicatorCatalog.Entry] =
        Dictionary(IndicatorCatalog.entries.map { ($0.definition.id, $0) }, uniquingKeysWith: { a, _ in a })

    public static func definition(_ id: String) -> IndicatorDefinition? { entriesByID[id]?.definition }

    /// nil for an unknown id; throws `DomainError` (French message) for a breakdown the indicator
    /// does not allow or an unknown région/territory. Without a breakdown, indicators that are
    /// groupings by nature (`laureates.by_sector`, `applications.by_state`) use their default one.
    public static func compute(
        _ id: String, in dataset: IndicatorDataset, scope: IndicatorScope,
        breakdown: Breakdown? = nil
    ) throws(DomainError) -> IndicatorResult? {
        guard let entry = entriesByID[id] else { return nil }
        if let breakdown, !entry.definition.allowedBreakdowns.contains(breakdown) {
            let allowed = entry.definition.allowedBreakdowns.map { "« \($0.label) »" }
            throw DomainError(
                "ventilation_non_disponible",
                "L’indicateur « \(entry.definition.label) » ne peut pas être ventilé par « \(breakdown.label) »"
                    + (allowed.isEmpty
                        ? " : il n’accepte aucune ventilation." : " ; ventilations possibles : \(allowed.joined(separator: ", ")).")
            )
        }
        let context = try IndicatorContext(dataset: dataset, scope: scope)
        return evaluate(entry, in: context, grouping: grouping(for: entry.definition, breakdown: breakdown))
    }

    /// Every indicator for a scope, keyed by id, without breakdown (indicators that are groupings by
    /// nature keep their default grouping). Empty for an unknown région or territory.
    public static func computeAll(in dataset: IndicatorDataset, scope: IndicatorScope) -> [String: IndicatorResult] {
        guard let context = try? IndicatorContext(dataset: dataset, scope: scope) else { return [:] }
        var results: [String: IndicatorResult] = [:]
        results.reserveCapacity(IndicatorCatalog.entries.count)
        for entry in IndicatorCatalog.entries {
            results[entry.definition.id] = evaluate(entry, in: context, grouping: grouping(for: entry.definition, breakdown: nil))
        }
        return results
    }

    /// French label of a scope: "France entière", a région name, "Outre-mer", "TI Grand Annecy".
    /// Throws for an unknown région or territory.
    public static func scopeLabel(_ scope: IndicatorScope, in dataset: IndicatorDataset) throws(DomainError) -> String {
        try IndicatorContext.validate(scope, in: dataset)
        return IndicatorContext.label(of: scope, in: dataset)
    }

    // MARK: - Evaluation

    static func grouping(for definition: IndicatorDefinition, breakdown: Breakdown?) -> IndicatorGrouping? {
        if let breakdown { return .breakdown(breakdown) }
        guard let key = definition.defaultGrouping else { return nil }
        if key == IndicatorGrouping.state.key { return .state }
        return Breakdown(rawValue: key).map { .breakdown($0) }
    }

    static func evaluate(
        _ entry: IndicatorCatalog.Entry, in context: IndicatorContext,
        grouping: IndicatorGrouping?
    ) -> IndicatorResult {
        let definition = entry.definition
        let whole = context.population(definition.population)
        var result = IndicatorResult(
            id: definition.id, label: definition.label, description: definition.description,
            unit: definition.unit, asOf: context.scope.asOf.iso, scope: context.scopeLabel,
            result: entry.measure.value(context, whole),
            parts: entry.measure.parts?(context, whole),
            note: entry.measure.note?(context)
        )
        guard let grouping else { return result }
        let grouped = grouping.group(whole, population: definition.population, in: context)
        var rows: [BreakdownRow] = []
        rows.reserveCapacity(grouped.keys.count)
        for key in grouped.keys {
            let group = grouped.groups[key] ?? IndicatorGroup()
            rows.append(
                BreakdownRow(
                    key: key, label: grouping.rowLabel(key, in: context),
                    result: entry.measure.value(context, group)))
        }
        grouping.sort(&rows)
        result.rows = rows
        result.breakdown = grouping.breakdown
        result.groupedBy = grouping.key
        result.groupedByLabel = grouping.label
        let overlapping = grouping.isMultiLabel(for: definition.population) || grouped.overlapping
        result.multiLabel = overlapping
        if overlapping {
            let note = grouping.overlapNote(for: definition.population)
            result.note = result.note.map { $0 + " " + note } ?? note
        }
        return result
    }
}

/// A subset of the population. `apps` holds positions in the population's array
/// (`IndicatorContext.facts` for laureates, `IndicatorContext.applications` for applications);
/// `territories` and `envelopes` hold indices into the dataset's arrays.
struct IndicatorGroup {
    var apps: [Int] = []
    var territories: [Int] = []
    var envelopes: [Int] = []
}

/// What the measures need of one laureate, flattened once per context: plain values, no
/// reference counting in the hot loops.
struct LaureateFacts {
    /// Index in `IndicatorDataset.applications`.
    var source: Int
    var state: ApplicationState
    var investment: Int64
    var aidState: Int64
    var aidRegion: Int64
    var jobsPlanned: Int
    /// Jobs forecast by the end of 2023 in the application; -1: not given.
    var jobsPlannedBy2023: Int
    /// -1: unknown.
    var relocatedJobs: Int
    /// -1: unknown.
    var trainingPlaces: Int
    /// Jobs created at the latest follow-up dated on or before 2023-12-31 and the as-of date; -1: none.
    var jobsCreatedBy2023: Int
    /// -1: unknown, 0: no, 1: yes.
    var fragile: Int8
    var size: CompanySize?
    var sectorKnown: Bool
    var collaborative: Bool
    var stakesKnown: Bool
    /// One bit per case, in `allCases` order.
    var stakes: UInt8
    var skills: UInt8
    var ecological: UInt8

    /// Reads the record in place (`record.pointee.field`): passing the record itself would copy it.
    init(
        source: Int, record: UnsafePointer<ApplicationRecord>, state: ApplicationState, asOf: CivilDate, followUpCutoff: CivilDate,
        knownAt: CivilDate?
    ) {
        self.source = source
        self.state = state
        investment = record.pointee.investment.cents
        let aid = ApplicationRecord.aid(
            state: record.pointee.aidState, region: record.pointee.aidRegion, changes: record.pointee.aidChanges, on: asOf)
        aidState = aid.state.cents
        aidRegion = aid.region.cents
        jobsPlanned = record.pointee.jobsPlanned
        jobsPlannedBy2023 = record.pointee.jobsPlannedBy2023 ?? -1
        relocatedJobs = record.pointee.relocatedJobs ?? -1
        trainingPlaces = record.pointee.trainingPlaces ?? -1
        jobsCreatedBy2023 =
            ApplicationRecord.latestFollowUp(in: record.pointee.followUps, onOrBefore: followUpCutoff, knownAt: knownAt)?.jobsCreated ?? -1
        fragile = record.pointee.fragile.map { $0 ? 1 : 0 } ?? -1
        size = record.pointee.size
        sectorKnown = record.pointee.sector != nil
        collaborative = ApplicationRecord.collaborative(
            record.pointee.collaborative, changes: record.pointee.collaborativeChanges, on: asOf)
        stakesKnown = record.pointee.stakesKnown
        var mask: UInt8 = 0
        for c in record.pointee.stakes { mask |= Self.bit(c) }
        stakes = mask
        mask = 0
        for c in record.pointee.skills { mask |= Self.bit(c) }
        skills = mask
        mask = 0
        for c in record.pointee.ecological { mask |= Self.bit(c) }
        ecological = mask
    }

    // Bits follow the `allCases` order (iterating a set and looking the case up in a cached
    // `allCases` array avoids hashing).
    static let stakeCases = Stake.allCases
    static let skillsCases = SkillsCategory.allCases
    static let ecologicalCases = EcologicalCategory.allCases

    static func bit(_ value: Stake) -> UInt8 { stakeCases.firstIndex(of: value).map { 1 << UInt8($0) } ?? 0 }
    static func bit(_ value: SkillsCategory) -> UInt8 { skillsCases.firstIndex(of: value).map { 1 << UInt8($0) } ?? 0 }
    static func bit(_ value: EcologicalCategory) -> UInt8 { ecologicalCases.firstIndex(of: value).map { 1 << UInt8($0) } ?? 0 }

    func hasStake(_ stake: Stake) -> Bool { stakesKnown && stakes & Self.bit(stake) != 0 }
}

/// The records selected for one scope and as-of date, computed once and shared by all indicators.
final class IndicatorContext {
    let data: IndicatorDataset
    let scope: IndicatorScope
    let scopeLabel: String
    /// Dataset indices of the applications that exist at the as-of date, in scope (second pass,
    /// only when an indicator over applications is computed).
    var applications: [Int] { applicationPopulation.indices }
    /// Their state at the as-of date, parallel to `applications`.
    var applicationStates: [ApplicationState] { applicationPopulation.states }
    /// The laureates at the as-of date, in scope.
    let facts: [LaureateFacts]
    /// Indices of the TI in the programme at the as-of date, in scope.
    let territories: [Int]
    /// Indices of the envelope allotments made by the as-of date, in scope (empty for a TI scope: envelopes are regional).
    let envelopes: [Int]
    /// False for a TI scope.
    let envelopesApplicable: Bool

    init(dataset: IndicatorDataset, scope: IndicatorScope) throws(DomainError) {
        try Self.validate(scope, in: dataset)
        data = dataset
        self.scope = scope
        scopeLabel = Self.label(of: scope, in: dataset)
        let asOf = scope.asOf
        let cutoff = min(IndicatorCatalog.jobsCreatedCutoff, asOf)
        let regionFilter = scope.region
        let territoryFilter = scope.territory

        var facts: [LaureateFacts] = []
        // Fields are read in place: calling a method on `records[i]` would copy the whole record.
        // The decision date is checked first: most applications are not laureates.
        dataset.applications.withUnsafeBufferPointer { buffer in
            guard let records = buffer.baseAddress else { return }
            for i in buffer.indices {
                guard let decided = records[i].decidedOn, decided <= asOf else { continue }
                if regionFilter != nil, !scope.includes(region: records[i].regionCode) { continue }
                if let territoryFilter, !records[i].territoryIDs.contains(territoryFilter) { continue }
                guard let state = ApplicationRecord.state(in: records[i].history, on: asOf), state.isLaureate else { continue }
                facts.append(
                    LaureateFacts(source: i, record: records + i, state: state, asOf: asOf, followUpCutoff: cutoff, knownAt: scope.knownAt))
            }
        }
        self.facts = facts

        var territories: [Int] = []
        for (i, territory) in dataset.territories.enumerated() where territory.isInProgramme(on: asOf) {
            if let territoryFilter, territory.id != territoryFilter { continue }
            if regionFilter != nil, !territory.regions.contains(where: { scope.includes(region: $0) }) { continue }
            territories.append(i)
        }
        self.territories = territories

        envelopesApplicable = territoryFilter == nil
        envelopes =
            envelopesApplicable
            ? dataset.envelopes.indices.filter {
                (dataset.envelopes[$0].date.map { $0 <= asOf } ?? true) && scope.includes(region: dataset.envelopes[$0].region)
            } : []
    }

    private lazy var applicationPopulation: (indices: [Int], states: [ApplicationState]) = {
        let scope = scope
        let asOf = scope.asOf
        let territoryFilter = scope.territory
        var indices: [Int] = []
        var states: [ApplicationState] = []
        data.applications.withUnsafeBufferPointer { buffer in
            guard let records = buffer.baseAddress else { return }
            indices.reserveCapacity(buffer.count)
            states.reserveCapacity(buffer.count)
            for i in buffer.indices {
                if scope.region != nil, !scope.includes(region: records[i].regionCode) { continue }
                if let territoryFilter, !records[i].territoryIDs.contains(territoryFilter) { continue }
                guard let state = ApplicationRecord.state(in: records[i].history, on: asOf) else { continue }
                indices.append(i)
                states.append(state)
            }
        }
        return (indices, states)
    }()

    private lazy var allLaureates = Array(facts.indices)
    private lazy var allApplications = Array(applications.indices)

    /// Dataset index of the record at `position` in a population's array.
    func source(_ position: Int, _ population: IndicatorPopulation) -> Int {
        population == .laureates ? facts[position].source : applications[position]
    }

    /// State at the as-of date of the record at `position` in a population's array.
    func state(_ position: Int, _ population: IndicatorPopulation) -> ApplicationState {
        population == .laureates ? facts[position].state : applicationStates[position]
    }

    func population(_ population: IndicatorPopulation) -> IndicatorGroup {
        switch population {
        case .laureates: IndicatorGroup(apps: allLaureates, envelopes: envelopes)
        case .applications: IndicatorGroup(apps: allApplications)
        case .territories: IndicatorGroup(territories: territories)
        }
    }

    static func validate(_ scope: IndicatorScope, in dataset: IndicatorDataset) throws(DomainError) {
        if let region = scope.region, region != IndicatorScope.overseasGroup, dataset.regionNames[region] == nil,
            !dataset.territories.contains(where: { $0.regions.contains(region) })
        {
            throw DomainError("region_inconnue", "La région « \(region) » est inconnue.")
        }
        if let territory = scope.territory, dataset.territoryNames[territory] == nil,
            !dataset.territories.contains(where: { $0.id == territory })
        {
            throw DomainError("territoire_inconnu", "Le Territoire d’industrie « \(territory) » est inconnu.")
        }
    }

    static func label(of scope: IndicatorScope, in dataset: IndicatorDataset) -> String {
        if let territory = scope.territory {
            let name = dataset.territoryNames[territory] ?? dataset.territories.first { $0.id == territory }?.name ?? territory
            return "TI " + name
        }
        if let region = scope.region {
            return region == IndicatorScope.overseasGroup ? "Outre-mer" : dataset.regionNames[region] ?? region
        }
        return "France entière"
    }

    func territoryName(_ id: String) -> String {
        data.territoryNames[id] ?? data.territories.first { $0.id == id }?.name ?? id
    }
}

extension IndicatorScope {
    /// Whether a record of this région is in the scope's région (always true without one).
    @inline(__always)
    func includes(region code: String?) -> Bool {
        guard let region else { return true }
        guard let code else { return false }
        return region == Self.overseasGroup ? RegionGroup.isOverseas(regionCode: code) : code == region
    }
}
