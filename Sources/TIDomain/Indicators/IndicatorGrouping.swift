/// How records are put into breakdown rows: the public `Breakdown` dimensions, plus the state of an
/// application at the as-of date (internal: only `applications.by_state` groups by it).
enum IndicatorGrouping: Equatable {
    case breakdown(Breakdown)
    case state

    static let unknownKey = "unknown"

    var key: String {
        switch self {
        case .breakdown(let b): b.rawValue
        case .state: "state"
        }
    }

    var label: String {
        switch self {
        case .breakdown(let b): b.label
        case .state: "État du dossier"
        }
    }

    var breakdown: Breakdown? {
        if case .breakdown(let b) = self { return b }
        return nil
    }

    func isMultiLabel(for population: IndicatorPopulation) -> Bool {
        switch self {
        case .breakdown(let b): b.isMultiLabel || (population == .territories && b == .region)
        case .state: false
        }
    }

    func overlapNote(for population: IndicatorPopulation) -> String {
        if population == .territories {
            return
                "Un territoire à cheval sur deux régions est compté dans chacune : la somme des lignes dépasse le total national, où il n’est compté qu’une fois."
        }
        return "Un même lauréat peut relever de plusieurs lignes : les lignes se recouvrent et ne s’additionnent pas."
    }

    // MARK: Keys

    static func regionRowKey(_ code: String?) -> String {
        guard let code else { return unknownKey }
        return RegionGroup.isOverseas(regionCode: code) ? IndicatorScope.overseasGroup : code
    }

    static func monthKey(_ date: CivilDate) -> String {
        String(date.year) + (date.month < 10 ? "-0" : "-") + String(date.month)
    }

    /// Calls `emit` with each row key of an application.
    @inline(__always)
    /// `records` is the base address of `context.data.applications`: reading fields through it
    /// never copies a record (an array subscript would).
    func forEachKey(
        application position: Int, of population: IndicatorPopulation, in context: IndicatorContext,
        records: UnsafePointer<ApplicationRecord>, _ emit: (String) -> Void
    ) {
        let unknown = Self.unknownKey
        switch self {
        case .state:
            emit(context.state(position, population).rawValue)
        case .breakdown(let b):
            let i = context.source(position, population)
            switch b {
            case .region: emit(Self.regionRowKey(records[i].regionCode))
            case .departement: emit(records[i].departementCode ?? unknown)
            case .territory: for t in records[i].territoryIDs { emit(t) }
            case .inTerritory: emit(records[i].territoryIDs.isEmpty ? "out" : "in")
            case .fragile: emit(records[i].fragile.map { $0 ? "yes" : "no" } ?? unknown)
            case .size: emit(records[i].size?.rawValue ?? unknown)
            case .sector: emit(records[i].sector?.rawValue ?? unknown)
            case .stake:
                if !records[i].stakesKnown {
                    emit(unknown)
                } else if records[i].stakes.isEmpty {
                    emit("none")
                } else {
                    for s in Stake.allCases where records[i].stakes.contains(s) { emit(s.rawValue) }
                }
            case .skills:
                if !records[i].skills.isEmpty {
                    for s in SkillsCategory.allCases where records[i].skills.contains(s) { emit(s.rawValue) }
                }
            case .ecological:
                if !records[i].ecological.isEmpty {
                    for e in EcologicalCategory.allCases where records[i].ecological.contains(e) { emit(e.rawValue) }
                }
            case .call: emit(records[i].callID)
            case .decisionMonth: emit(records[i].decidedOn.map(Self.monthKey) ?? unknown)
            }
        }
    }

    /// Row keys of a territory (only the région breakdown applies): each of its régions once,
    /// the overseas ones grouped.
    func keys(territory index: Int, in context: IndicatorContext) -> [String] {
        guard case .breakdown(.region) = self else { return [] }
        var keys: [String] = []
        for code in context.data.territories[index].regions {
            let key = Self.regionRowKey(code)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    func key(envelope index: Int, in context: IndicatorContext) -> String? {
        let e = context.data.envelopes[index]
        switch self {
        case .breakdown(.region): return Self.regionRowKey(e.region)
        case .breakdown(.call): return e.callID
        default: return nil
        }
    }

    /// Rows always shown, in this order, for the small fixed dimensions (zero rows included).
    var fixedKeys: [String]? {
        switch self {
        case .state: ApplicationState.allCases.map(\.rawValue)
        case .breakdown(let b):
            switch b {
            case .inTerritory: ["in", "out"]
            case .fragile: ["yes", "no", Self.unknownKey]
            case .size: CompanySize.allCases.map(\.rawValue) + [Self.unknownKey]
            case .stake: Stake.allCases.map(\.rawValue) + ["none", Self.unknownKey]
            case .skills: SkillsCategory.allCases.map(\.rawValue)
            case .ecological: EcologicalCategory.allCases.map(\.rawValue)
            default: nil
            }
        }
    }

    /// The row keys a scope admits: in a région scope, a TI straddling two régions only shows the
    /// scope's row; in a TI scope, only that TI's row.
    func admits(_ key: String, scope: IndicatorScope) -> Bool {
        switch self {
        case .breakdown(.region):
            guard let region = scope.region else { return true }
            return key == Self.regionRowKey(region)
        case .breakdown(.territory):
            guard let territory = scope.territory else { return true }
            return key == territory
        default:
            return true
        }
    }

    struct Grouped {
        /// Row keys in first-seen order (fixed order for fixed dimensions).
        var keys: [String]
        var groups: [String: IndicatorGroup]
        /// Whether some record fell in more than one row.
        var overlapping: Bool
    }

    /// One pass over the population: each record index goes to the row(s) of its key(s).
    func group(_ whole: IndicatorGroup, population: IndicatorPopulation, in context: IndicatorContext) -> Grouped {
        var groups: [String: IndicatorGroup] = [:]
        var rowKeys: [String] = []
        var overlapping = false
        let scope = context.scope
        let filtered = scope.region != nil || scope.territory != nil

        @discardableResult
        func add(_ key: String, _ body: (inout IndicatorGroup) -> Void) -> Bool {
            if filtered, !admits(key, scope: scope) { return false }
            if groups[key] == nil { rowKeys.append(key) }
            body(&groups[key, default: IndicatorGroup()])
            return true
        }

        context.data.applications.withUnsafeBufferPointer { buffer in
            guard let records = buffer.baseAddress else { return }
            for i in whole.apps {
                var emitted = 0
                forEachKey(application: i, of: population, in: context, records: records) { key in
                    if add(key, { $0.apps.append(i) }) { emitted += 1 }
                }
                if emitted > 1 { overlapping = true }
            }
        }
        for i in whole.territories {
            var emitted = 0
            for key in keys(territory: i, in: context) {
                if add(key, { $0.territories.append(i) }) { emitted += 1 }
            }
            if emitted > 1 { overlapping = true }
        }
        for i in whole.envelopes {
            if let key = key(envelope: i, in: context) { add(key) { $0.envelopes.append(i) } }
        }
        if let fixed = fixedKeys { rowKeys = fixed }
        return Grouped(keys: rowKeys, groups: groups, overlapping: overlapping)
    }

    // MARK: Labels and order

    func rowLabel(_ key: String, in context: IndicatorContext) -> String {
        let data = context.data
        let isUnknown = key == Self.unknownKey
        switch self {
        case .state:
            return ApplicationState(rawValue: key)?.label ?? key
        case .breakdown(let b):
            switch b {
            case .region:
                if isUnknown { return "Région non renseignée" }
                if key == IndicatorScope.overseasGroup { return "Outre-mer" }
                return data.regionNames[key] ?? key
            case .departement:
                if isUnknown { return "Département non renseigné" }
                return data.departementNames[key].map { "\($0) (\(key))" } ?? key
            case .territory:
                return context.territoryName(key)
            case .inTerritory:
                return key == "in" ? "Dans un Territoire d’industrie" : "Hors Territoire d’industrie"
            case .fragile:
                switch key {
                case "yes": return "Territoire fragile"
                case "no": return "Territoire non fragile"
                default: return "Fragilité non renseignée"
                }
            case .size:
                return CompanySize(rawValue: key)?.label ?? "Taille non renseignée"
            case .sector:
                return Sector(rawValue: key)?.label ?? "Filière non renseignée"
            case .stake:
                if let stake = Stake(rawValue: key) { return stake.label }
                return key == "none" ? "Aucun enjeu déclaré" : "Enjeux non renseignés"
            case .skills:
                return SkillsCategory(rawValue: key)?.label ?? key
            case .ecological:
                return EcologicalCategory(rawValue: key)?.label ?? key
            case .call:
                return data.callNames[key] ?? key
            case .decisionMonth:
                if isUnknown { return "Date de décision non renseignée" }
                let parts = key.split(separator: "-")
                guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return key }
                return Self.monthNames[month - 1] + " " + String(year)
            }
        }
    }

    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    ]

    /// Régions and TI by label (Outre-mer, then unknown, last); sectors by value descending;
    /// départements, calls and months by key; fixed dimensions keep their order.
    func sort(_ rows: inout [BreakdownRow]) {
        guard fixedKeys == nil, case .breakdown(let b) = self else { return }
        let unknown = Self.unknownKey
        func rank(_ row: BreakdownRow) -> Int {
            row.key == unknown ? 2 : (b == .region && row.key == IndicatorScope.overseasGroup ? 1 : 0)
        }
        switch b {
        case .region, .territory:
            let folded = Dictionary(rows.map { ($0.key, Self.fold($0.label)) }, uniquingKeysWith: { a, _ in a })
            rows.sort { (rank($0), folded[$0.key]!, $0.key) < (rank($1), folded[$1.key]!, $1.key) }
        case .sector:
            rows.sort { a, b in
                if rank(a) != rank(b) { return rank(a) < rank(b) }
                if a.result.value != b.result.value { return a.result.value > b.result.value }
                return Self.fold(a.label) < Self.fold(b.label)
            }
        default:
            rows.sort { (rank($0), $0.key) < (rank($1), $1.key) }
        }
    }

    /// Lower-cased, without French diacritics: "Île-de-France" sorts among the I.
    static func fold(_ label: String) -> String {
        var out = ""
        out.reserveCapacity(label.utf8.count)
        for c in label.lowercased() {
            switch c {
            case "à", "â", "ä", "á": out.append("a")
            case "é", "è", "ê", "ë": out.append("e")
            case "î", "ï", "í": out.append("i")
            case "ô", "ö", "ó": out.append("o")
            case "ù", "û", "ü", "ú": out.append("u")
            case "ç": out.append("c")
            case "ÿ": out.append("y")
            case "œ": out.append("oe")
            case "æ": out.append("ae")
            case "’", "'", "-": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}
