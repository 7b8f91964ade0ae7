/// # Indicator engine
///
/// Every figure the programme publishes is computed here from flat records (`IndicatorDataset`),
/// never typed in. An indicator is a catalogued definition (`IndicatorCatalog`): an id, a French
/// label and description, a unit, a population (laureates, applications or TI) and a *measure* — a
/// function from a group of records to an `IndicatorValue` (value, exact cents for money,
/// numerator/denominator, coverage) plus optional named parts.
///
/// Computing goes in three steps:
/// 1. `IndicatorContext` makes **one pass** over the applications for the scope and as-of date:
///    it resolves each record's state at that date once, and keeps the indices of the applications
///    that exist by then and of the laureates (decided on or before the date, in a laureate state).
///    Territories (active, in scope) and envelopes (in scope) are filtered the same way. The
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
    public static func compute(_ id: String, in dataset: IndicatorDataset, scope: IndicatorScope,
                               breakdown: Breakdown? = nil) throws(DomainError) -> IndicatorResult? {
        guard let entry = entriesByID[id] else { return nil }
        if let breakdown, !entry.definition.allowedBreakdowns.contains(breakdown) {
            let allowed = entry.definition.allowedBreakdowns.map { "« \($0.label) »" }
            throw DomainError(
                "ventilation_non_disponible",
                "L’indicateur « \(entry.definition.label) » ne peut pas être ventilé par « \(breakdown.label) »"
                    + (allowed.isEmpty ? " : il n’accepte aucune ventilation." : " ; ventilations possibles : \(allowed.joined(separator: ", ")).")
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

    static func evaluate(_ entry: IndicatorCatalog.Entry, in context: IndicatorContext,
                         grouping: IndicatorGrouping?) -> IndicatorResult {
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
            rows.append(BreakdownRow(key: key, label: grouping.rowLabel(key, in: context),
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

/// A subset of the population: indices into the dataset's arrays.
struct IndicatorGroup {
    var apps: [Int] = []
    var territories: [Int] = []
    var envelopes: [Int] = []
}

/// The records selected for one scope and as-of date, computed once and shared by all indicators.
final class IndicatorContext {
    let data: IndicatorDataset
    let scope: IndicatorScope
    let scopeLabel: String
    /// Indices of the applications that exist at the as-of date, in scope.
    let applications: [Int]
    /// State at the as-of date, parallel to `data.applications` (nil: out of scope or not yet created).
    let states: [ApplicationState?]
    /// Indices of the laureates at the as-of date, in scope.
    let laureates: [Int]
    /// Indices of the active TI in scope.
    let territories: [Int]
    /// Indices of the envelopes in scope (empty for a TI scope: envelopes are regional).
    let envelopes: [Int]
    /// False for a TI scope.
    let envelopesApplicable: Bool

    init(dataset: IndicatorDataset, scope: IndicatorScope) throws(DomainError) {
        try Self.validate(scope, in: dataset)
        data = dataset
        self.scope = scope
        scopeLabel = Self.label(of: scope, in: dataset)
        let asOf = scope.asOf
        let regionFilter = scope.region
        let overseas = regionFilter == IndicatorScope.overseasGroup
        let territoryFilter = scope.territory

        func regionMatches(_ code: String?) -> Bool {
            guard let regionFilter else { return true }
            guard let code else { return false }
            return overseas ? RegionGroup.isOverseas(regionCode: code) : code == regionFilter
        }

        var states = [ApplicationState?](repeating: nil, count: dataset.applications.count)
        var applications: [Int] = []
        var laureates: [Int] = []
        applications.reserveCapacity(dataset.applications.count)
        for (i, record) in dataset.applications.enumerated() {
            guard regionMatches(record.regionCode) else { continue }
            if let territoryFilter, !record.territoryIDs.contains(territoryFilter) { continue }
            guard let state = record.state(on: asOf) else { continue }
            states[i] = state
            applications.append(i)
            if state.isLaureate, let decided = record.decidedOn, decided <= asOf { laureates.append(i) }
        }
        self.states = states
        self.applications = applications
        self.laureates = laureates

        var territories: [Int] = []
        for (i, territory) in dataset.territories.enumerated() where territory.active {
            if let territoryFilter, territory.id != territoryFilter { continue }
            if regionFilter != nil, !territory.regions.contains(where: { regionMatches($0) }) { continue }
            territories.append(i)
        }
        self.territories = territories

        envelopesApplicable = territoryFilter == nil
        envelopes = envelopesApplicable ? dataset.envelopes.indices.filter { regionMatches(dataset.envelopes[$0].region) } : []
    }

    func population(_ population: IndicatorPopulation) -> IndicatorGroup {
        switch population {
        case .laureates: IndicatorGroup(apps: laureates, envelopes: envelopes)
        case .applications: IndicatorGroup(apps: applications)
        case .territories: IndicatorGroup(territories: territories)
        }
    }

    static func validate(_ scope: IndicatorScope, in dataset: IndicatorDataset) throws(DomainError) {
        if let region = scope.region, region != IndicatorScope.overseasGroup, dataset.regionNames[region] == nil,
           !dataset.territories.contains(where: { $0.regions.contains(region) }) {
            throw DomainError("region_inconnue", "La région « \(region) » est inconnue.")
        }
        if let territory = scope.territory, dataset.territoryNames[territory] == nil,
           !dataset.territories.contains(where: { $0.id == territory }) {
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
