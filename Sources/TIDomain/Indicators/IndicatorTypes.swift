/// Public result types of the indicator engine. All are Codable: the web layer serves them as JSON
/// as is (open data API) and renders them in the dashboards.

/// A dimension along which an indicator can be broken down.
public enum Breakdown: String, CaseIterable, Sendable, Codable {
    case region, departement, territory
    case inTerritory = "in_territory"
    case fragile, size, sector, stake, skills, ecological, call
    case decisionMonth = "decision_month"

    public var label: String {
        switch self {
        case .region: "Région"
        case .departement: "Département"
        case .territory: "Territoire d’industrie"
        case .inTerritory: "Dans ou hors Territoire d’industrie"
        case .fragile: "Fragilité du territoire"
        case .size: "Taille de l’entreprise"
        case .sector: "Filière"
        case .stake: "Enjeu"
        case .skills: "Nature du projet de compétences"
        case .ecological: "Nature de la transition écologique"
        case .call: "Appel à projets"
        case .decisionMonth: "Mois de décision"
        }
    }

    /// A record may fall in several rows: rows overlap and must never be summed.
    public var isMultiLabel: Bool { self == .stake || self == .skills || self == .ecological }
}

public enum IndicatorUnit: String, Codable, Sendable {
    case count, euros, jobs, places, share, persons

    public var label: String {
        switch self {
        case .count: "nombre"
        case .euros: "euros"
        case .jobs: "emplois"
        case .places: "places de formation"
        case .share: "part"
        case .persons: "personnes"
        }
    }
}

/// What an indicator counts over.
public enum IndicatorPopulation: String, Codable, Sendable {
    /// Laureates at the as-of date within the scope.
    case laureates
    /// Applications created on or before the as-of date within the scope.
    case applications
    /// Active Territoires d'industrie within the scope.
    case territories
}

/// How many records of the population had the data the figure needs.
public struct Coverage: Codable, Sendable, Equatable {
    /// Records with the data.
    public var known: Int
    /// Records in the population.
    public var total: Int
    /// French, e.g. "taille connue pour 1 142 des 1 416 lauréats".
    public var description: String

    public init(known: Int, total: Int, description: String) {
        self.known = known
        self.total = total
        self.description = description
    }

    /// Share of the population with the data (1 for an empty population).
    public var ratio: Double { total == 0 ? 1 : Double(known) / Double(total) }
}

/// A figure with how it was obtained.
public struct IndicatorValue: Codable, Sendable, Equatable {
    /// The figure (euros as a number for money; 0…1 for shares).
    public var value: Double
    /// Exact amount for money sums, in cents.
    public var cents: Int64?
    public var numerator: Double?
    public var denominator: Double?
    public var coverage: Coverage?
    /// Set on the parts of composite indicators (the main result's unit and label are on `IndicatorResult`).
    public var unit: IndicatorUnit?
    /// French; set on the parts of composite indicators.
    public var label: String?

    public init(
        value: Double, cents: Int64? = nil, numerator: Double? = nil, denominator: Double? = nil,
        coverage: Coverage? = nil, unit: IndicatorUnit? = nil, label: String? = nil
    ) {
        self.value = value
        self.cents = cents
        self.numerator = numerator
        self.denominator = denominator
        self.coverage = coverage
        self.unit = unit
        self.label = label
    }
}

/// One row of a breakdown: the same measure restricted to the row.
public struct BreakdownRow: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var result: IndicatorValue

    public init(key: String, label: String, result: IndicatorValue) {
        self.key = key
        self.label = label
        self.result = result
    }
}

public struct IndicatorResult: Codable, Sendable, Equatable {
    public var id: String
    /// French.
    public var label: String
    /// French: what is counted, over what, how.
    public var description: String
    public var unit: IndicatorUnit
    /// ISO date.
    public var asOf: String
    /// French: "France entière", "Auvergne-Rhône-Alpes", "Outre-mer", "TI Grand Annecy".
    public var scope: String
    public var result: IndicatorValue
    /// Named parts for composite indicators (e.g. the stake indicators: count, investment, jobs, sub-categories).
    public var parts: [String: IndicatorValue]?
    public var breakdown: Breakdown?
    /// What the rows are keyed by: a `Breakdown` raw value, or "state" for `applications.by_state`.
    public var groupedBy: String?
    /// French label of `groupedBy`.
    public var groupedByLabel: String?
    /// True when rows may overlap and must not be summed.
    public var multiLabel: Bool
    public var rows: [BreakdownRow]?
    public var note: String?

    public init(
        id: String, label: String, description: String, unit: IndicatorUnit, asOf: String, scope: String,
        result: IndicatorValue, parts: [String: IndicatorValue]? = nil, breakdown: Breakdown? = nil,
        groupedBy: String? = nil, groupedByLabel: String? = nil, multiLabel: Bool = false,
        rows: [BreakdownRow]? = nil, note: String? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.unit = unit
        self.asOf = asOf
        self.scope = scope
        self.result = result
        self.parts = parts
        self.breakdown = breakdown
        self.groupedBy = groupedBy
        self.groupedByLabel = groupedByLabel
        self.multiLabel = multiLabel
        self.rows = rows
        self.note = note
    }
}

/// A named, documented indicator.
public struct IndicatorDefinition: Sendable {
    public var id: String
    /// French.
    public var label: String
    /// French: what is counted, over what, how.
    public var description: String
    public var unit: IndicatorUnit
    public var population: IndicatorPopulation
    /// Breakdowns a caller may ask for.
    public var allowedBreakdowns: [Breakdown]
    /// The grouping applied when no breakdown is asked for (`laureates.by_sector` → "sector",
    /// `applications.by_state` → "state"); nil for a single figure.
    public var defaultGrouping: String?

    public init(
        id: String, label: String, description: String, unit: IndicatorUnit, population: IndicatorPopulation,
        allowedBreakdowns: [Breakdown], defaultGrouping: String? = nil
    ) {
        self.id = id
        self.label = label
        self.description = description
        self.unit = unit
        self.population = population
        self.allowedBreakdowns = allowedBreakdowns
        self.defaultGrouping = defaultGrouping
    }
}
