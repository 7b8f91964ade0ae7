import Foundation
import TIDomain

/// Builds the demonstration applications, calibrated so that the published figures come out exactly:
/// counts, investment, aid and jobs per région; fragile share; size, sector and stake coverage and
/// totals; jobs created by end 2023; collaborative projects.
struct DemoPlanner {
    let geo: DemoGeography
    let territoryOfEpci: [String: String]
    var rng: SeededRandom
    /// Communes already used, with their fragility (a commune is fragile for all its projects or none).
    var communeFragility: [String: Bool] = [:]

    init(geo: DemoGeography, territories: [DemoTerritoryPlan.Planned], seed: UInt64) {
        self.geo = geo
        var map: [String: String] = [:]
        for t in territories { for e in t.epcis { map[e] = t.id } }
        self.territoryOfEpci = map
        self.rng = SeededRandom(seed: seed)
    }

    // MARK: Laureates

    mutating func laureates() throws -> [DemoApp] {
        // 1. Slots per actual région.
        var perRegion: [(region: String, count: Int)] = []
        for row in DemoTargets.regions {
            if row.code == "OM" {
                for (code, n) in DemoTargets.overseasLaureates.sorted(by: { $0.key < $1.key }) { perRegion.append((code, n)) }
            } else {
                perRegion.append((row.code, row.laureates))
            }
        }
        var apps: [DemoApp] = []
        // Named laureates first.
        for n in DemoApplicationPlan.named {
            guard let place = geo.communes[n.commune] else { throw DemoError("commune \(n.commune) (\(n.name)) absente") }
            communeFragility[n.commune] = n.fragile
            var a = DemoApp(
                region: place.region, commune: n.commune, territory: n.territory, fragile: n.fragile, name: n.name, siren: rng.siren(),
                size: n.size, sector: n.sector, title: "Projet \(n.name)", description: n.description, submitted: DemoTargets.reportDate)
            a.stakes = n.stakes
            a.ecological = n.ecological
            a.skills = n.skills
            a.jobs = n.jobs
            a.jobsMaintained = n.maintained
            a.pinnedJobs = true
            if let inv = n.investment {
                a.investment = inv
                a.pinnedInvestment = true
            }
            if let aid = n.aid {
                a.aid = aid
                a.pinnedAid = true
            }
            a.regime = n.regime
            apps.append(a)
        }
        for (region, count) in perRegion {
            let already = apps.filter { $0.region == region }.count
            for _ in 0..<(count - already) {
                apps.append(
                    DemoApp(
                        region: region, commune: "", territory: nil, fragile: false, name: "", siren: rng.siren(),
                        title: "", description: "", submitted: DemoTargets.reportDate))
            }
        }
        guard apps.count == DemoTargets.laureates else { throw DemoError("\(apps.count) lauréats au lieu de \(DemoTargets.laureates)") }
        let free = Array(DemoApplicationPlan.named.count..<apps.count)

        // 2. Fragility: 977 in all, overseas always (they are AFR zones).
        var fragileLeft = DemoTargets.fragile - apps.filter(\.fragile).count
        var candidates = free
        rng.shuffle(&candidates)
        candidates.sort { RegionGroup.isOverseas(regionCode: apps[$0].region) && !RegionGroup.isOverseas(regionCode: apps[$1].region) }
        for i in candidates where fragileLeft > 0 {
            apps[i].fragile = true
            fragileLeft -= 1
        }

        // 3. Sites: a real commune of the région, inside a TI two times out of three.
        for i in free {
            let inside = rng.unit() < 0.64
            apps[i].commune = try pickCommune(region: apps[i].region, insideTerritory: inside, fragile: apps[i].fragile)
            apps[i].territory = geo.communes[apps[i].commune]?.epci.flatMap { territoryOfEpci[$0] }
        }

        // 4. Stakes: exact counts; sub-categories exact (ecological ones multi-label).
        enum Klass { case relocation, skills, ecological, none, unknown }
        var klass = [Klass](repeating: .none, count: apps.count)
        var pool: [Klass] = []
        func remaining(_ k: Klass, _ total: Int) -> Int {
            total
                - apps.indices.filter { $0 < DemoApplicationPlan.named.count }.filter {
                    switch k {
                    case .relocation: apps[$0].stakes.contains(.relocation)
                    case .skills: apps[$0].stakes.contains(.skills)
                    case .ecological: apps[$0].stakes.contains(.ecological)
                    case .none: apps[$0].stakes.isEmpty
                    case .unknown: false
                    }
                }.count
        }
        pool += Array(repeating: .relocation, count: remaining(.relocation, DemoTargets.relocation.count))
        pool += Array(repeating: .skills, count: remaining(.skills, DemoTargets.skills.count))
        pool += Array(repeating: .ecological, count: remaining(.ecological, DemoTargets.ecological.count))
        let unknown = DemoTargets.laureates - DemoTargets.stakesKnown
        pool += Array(repeating: .unknown, count: unknown)
        pool += Array(repeating: .none, count: free.count - pool.count)
        rng.shuffle(&pool)
        for (k, i) in free.enumerated() { klass[i] = pool[k] }
        for i in 0..<DemoApplicationPlan.named.count {
            let s = apps[i].stakes
            klass[i] = s.contains(.relocation) ? .relocation : s.contains(.skills) ? .skills : s.contains(.ecological) ? .ecological : .none
        }
        for i in free {
            switch klass[i] {
            case .relocation: apps[i].stakes = [.relocation]
            case .skills: apps[i].stakes = [.skills]
            case .ecological: apps[i].stakes = [.ecological]
            case .none: apps[i].stakes = []
            case .unknown:
                apps[i].stakes = []
                apps[i].stakesKnown = false
            }
        }
        // Every région needs an unconstrained project to absorb rounding (none/unknown stakes, not pinned).
        for (region, _) in perRegion
        where !free.contains(where: { apps[$0].region == region && (klass[$0] == .none || klass[$0] == .unknown) }) {
            guard let mine = free.first(where: { apps[$0].region == region }),
                let other = free.first(where: { apps[$0].region != region && klass[$0] == .none })
            else { continue }
            (klass[mine], klass[other]) = (klass[other], klass[mine])
            (apps[mine].stakes, apps[other].stakes) = (apps[other].stakes, apps[mine].stakes)
            (apps[mine].stakesKnown, apps[other].stakesKnown) = (apps[other].stakesKnown, apps[mine].stakesKnown)
        }
        try assignSubCategories(&apps)

        // 5. Size known for 1 142 (959 PME or ETI), sector known for 1 126.
        var sizeOrder = free
        rng.shuffle(&sizeOrder)
        let named = apps.prefix(DemoApplicationPlan.named.count)
        let namedSme = named.filter { $0.size?.isSmeOrMidcap == true }.count
        let smeLeft = DemoTargets.smeOrMidcap - namedSme
        let othersLeft = DemoTargets.sizeKnown - DemoTargets.smeOrMidcap - (named.count - namedSme)
        for (k, i) in sizeOrder.enumerated() {
            if k < smeLeft {
                apps[i].size = rng.unit() < 0.74 ? .pme : .eti
            } else if k < smeLeft + othersLeft {
                apps[i].size = rng.unit() < 0.6 ? .tpe : .ge
            }
        }
        var sectorOrder = free
        rng.shuffle(&sectorOrder)
        let sectorsLeft = DemoTargets.sectorKnown - named.count
        let totalWeight = DemoApplicationPlan.sectorWeights.reduce(0) { $0 + $1.1 }
        for i in sectorOrder.prefix(sectorsLeft) {
            var x = rng.unit() * totalWeight
            for (sector, w) in DemoApplicationPlan.sectorWeights {
                x -= w
                if x <= 0 {
                    apps[i].sector = sector
                    break
                }
            }
            if apps[i].sector == nil { apps[i].sector = .autre }
        }

        // 6. Collaborative projects (the dedicated call), 17 of them on skills.
        var skillsCollab = free.filter { klass[$0] == .skills }
        var otherCollab = free.filter { klass[$0] != .unknown && klass[$0] != .skills }
        rng.shuffle(&skillsCollab)
        rng.shuffle(&otherCollab)
        let collabSkills = Array(skillsCollab.prefix(DemoTargets.collaborativeSkills.count))
        let collab = collabSkills + otherCollab.prefix(DemoTargets.collaborative - collabSkills.count)
        for i in collab {
            apps[i].collaborative = true
            apps[i].call = 1
            apps[i].carrier = rng.unit() < 0.8 ? .collective : .association
            apps[i].partners = (0..<(2 + Int(rng.next() % 3))).map { k in
                Partner(
                    name: "\(rng.pick(DemoApplicationPlan.carrierWords)) \(rng.pick(DemoTerritoryPlan.lastNames)) \(k + 1)",
                    siren: Siren(rng.siren())!)
            }
        }

        // 7. Names and texts.
        for i in free {
            let place = geo.communes[apps[i].commune]!
            let word = rng.pick(DemoApplicationPlan.carrierWords)
            apps[i].name =
                apps[i].collaborative ? "Collectif \(word.lowercased()) \(place.name)" : "\(word) \(rng.pick(DemoTerritoryPlan.lastNames))"
            let project = rng.pick(DemoApplicationPlan.projectWords)
            apps[i].title = "\(project) — \(place.name)"
            apps[i].description =
                "\(project) de \(apps[i].name) à \(place.name) : investissements productifs, emplois et compétences sur le territoire. (Projet de démonstration.)"
        }

        // 8. Money and jobs, calibrated.
        try calibrateInvestment(
            &apps,
            klass: klass.map { k -> Int in
                switch k {
                case .relocation: 0
                case .skills: 1
                case .ecological: 2
                default: 3
                }
            })
        try pinCollaborativeSkillsAid(&apps, collabSkills)
        try calibrateAid(&apps)
        try calibrateJobs(&apps)
        let relocation = apps.indices.filter { apps[$0].stakes.contains(.relocation) }
        for (k, share) in apportion(
            Int64(DemoTargets.relocation.relocatedJobs), weights: relocation.map { Double(apps[$0].jobs + 3) * rng.lognormal(0.3) }
        ).enumerated() {
            apps[relocation[k]].relocatedJobs = Int(share)
        }
        // Training places: the collective skills projects' 975 people trained, the rest to the others.
        let collabSkillsSet = Set(collabSkills)
        let skills = apps.indices.filter { apps[$0].stakes.contains(.skills) && !collabSkillsSet.contains($0) }
        for (group, total) in [
            (collabSkills, DemoTargets.collaborativeSkills.trained),
            (skills, DemoTargets.skills.trainingPlaces - DemoTargets.collaborativeSkills.trained),
        ] {
            for (k, share) in apportion(Int64(total), weights: group.map { _ in rng.lognormal(0.5) }).enumerated() {
                apps[group[k]].trainingPlaces = Int(share)
            }
        }

        // 9. Decisions: the 253 of the first general assembly by 15 Dec. 2020, the collaborative call's
        // from the March 2021 reinforcement, the others up to the report date; nothing before its call
        // opens. Then life after the decision, and the follow-up at end 2023 for the 1 142 sized projects.
        let first = try firstLaureates(apps)
        let firstSet = Set(first)
        var main = apps.indices.filter { !firstSet.contains($0) && apps[$0].call == 0 }
        var collaborative = apps.indices.filter { apps[$0].call == 1 }
        rng.shuffle(&main)
        rng.shuffle(&collaborative)
        let afterAssembly = DemoTargets.firstAssembly.adding(days: 1)
        for (group, from, to) in [
            (first, DemoTargets.firstDecisions, DemoTargets.firstAssembly), (main, afterAssembly, DemoTargets.reportDate),
            (collaborative, DemoTargets.reinforcement, DemoTargets.reportDate),
        ] {
            let span = to.days(since: from) + 1
            for (k, i) in group.enumerated() {
                let decided = from.adding(days: k * span / max(group.count, 1))
                let opens = apps[i].call == 1 ? DemoTargets.collaborativeOpens : DemoTargets.launch
                apps[i].decided = decided
                apps[i].submitted = max(decided.adding(days: -(30 + Int(rng.next() % 90))), opens.adding(days: 3))
            }
        }
        for i in apps.indices {
            let roll = rng.unit()
            apps[i].state = roll < 0.05 ? .laureate : roll < 0.2 ? .agreementSigned : roll < 0.8 ? .paymentsInProgress : .closed
            apps[i].jobsMaintained =
                apps[i].jobsMaintained > 0 ? apps[i].jobsMaintained : Int(Double(apps[i].jobs) * 2.5 * rng.lognormal(0.5))
        }
        let followed = apps.indices.filter { apps[$0].size != nil }
        let planned = followed.reduce(0) { $0 + apps[$1].jobs }
        let forecast = Int64((Double(planned) * DemoTargets.jobsBy2023Share).rounded())
        for (k, jobs) in apportion(forecast, weights: followed.map { Double(apps[$0].jobs) * rng.lognormal(0.3) }).enumerated() {
            apps[followed[k]].jobsBy2023 = min(Int(jobs), apps[followed[k]].jobs)
        }
        // Capping at each project's planned jobs can lose a few: give them back where there is room.
        var missing = Int(forecast) - followed.reduce(0) { $0 + (apps[$1].jobsBy2023 ?? 0) }
        for i in followed where missing > 0 {
            let room = min(missing, apps[i].jobs - (apps[i].jobsBy2023 ?? 0))
            apps[i].jobsBy2023 = (apps[i].jobsBy2023 ?? 0) + room
            missing -= room
        }
        let created = Int64((Double(planned) * DemoTargets.jobsCreatedShare).rounded())
        for (k, jobs) in apportion(created, weights: followed.map { Double(apps[$0].jobs) * rng.lognormal(0.25) }).enumerated() {
            let i = followed[k]
            apps[i].followUp = (Int(jobs), Int64(Double(apps[i].investment) * (0.8 + 0.2 * rng.unit())))
        }
        return apps
    }

    mutating func pickCommune(region: String, insideTerritory: Bool, fragile: Bool) throws -> String {
        // Mayotte has no census population in this vintage (0): any commune will do there.
        let all = (geo.communesByRegion[region] ?? []).filter { $0.population >= 300 || $0.population == 0 }
        var pool = all.filter { place in
            let inTI = place.epci.flatMap { territoryOfEpci[$0] } != nil
            return inTI == insideTerritory && (communeFragility[place.code].map { $0 == fragile } ?? true)
        }
        if pool.isEmpty { pool = all.filter { communeFragility[$0.code].map { $0 == fragile } ?? true } }
        guard !pool.isEmpty else { throw DemoError("aucune commune disponible en région \(region)") }
        let weights = pool.map { Double(max($0.population, 1000)).squareRoot() }
        var x = rng.unit() * weights.reduce(0, +)
        var chosen = pool[pool.count - 1]
        for (k, w) in weights.enumerated() {
            x -= w
            if x <= 0 {
                chosen = pool[k]
                break
            }
        }
        communeFragility[chosen.code] = fragile
        return chosen.code
    }

    mutating func assignSubCategories(_ apps: inout [DemoApp]) throws {
        // Skills: exclusive, exact counts.
        let skills = apps.indices.filter { apps[$0].stakes.contains(.skills) && apps[$0].skills.isEmpty }
        var labels: [SkillsCategory] = []
        for (category, n) in DemoTargets.skillsCategories.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let taken = apps.filter { $0.skills.contains(category) }.count
            labels += Array(repeating: category, count: n - taken)
        }
        guard labels.count == skills.count else { throw DemoError("sous-catégories de compétences incohérentes") }
        rng.shuffle(&labels)
        for (k, i) in skills.enumerated() { apps[i].skills = [labels[k]] }
        // Ecological: one label each, then the extra labels on distinct projects.
        let eco = apps.indices.filter { apps[$0].stakes.contains(.ecological) }
        var pool: [EcologicalCategory] = []
        for (category, n) in DemoTargets.ecologicalCategories.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            pool += Array(repeating: category, count: n - apps.filter { $0.ecological.contains(category) }.count)
        }
        rng.shuffle(&pool)
        var unlabelled = eco.filter { apps[$0].ecological.isEmpty }
        var extras: [EcologicalCategory] = []
        for label in pool {
            if let i = unlabelled.popLast() { apps[i].ecological = [label] } else { extras.append(label) }
        }
        for label in extras {
            guard
                let i = eco.first(where: { !apps[$0].ecological.contains(label) && apps[$0].ecological.count < 2 })
                    ?? eco.first(where: { !apps[$0].ecological.contains(label) })
            else {
                throw DemoError("sous-catégories écologiques impossibles à placer")
            }
            apps[i].ecological.insert(label)
        }
    }

    // MARK: Calibration

    /// Investment: raked to the régions' totals and to the three stakes' totals, then rounded to
    /// euros with exact fix-ups inside each région (on a project without a constrained stake).
    mutating func calibrateInvestment(_ apps: inout [DemoApp], klass: [Int]) throws {
        let classTargets: [Int: Int64] = [
            0: DemoTargets.relocation.investment, 1: DemoTargets.skills.investment, 2: DemoTargets.ecological.investment,
        ]
        let means: [Double] = [4.7e6, 3.9e6, 4.8e6, 2.7e6]
        var x = apps.indices.map { apps[$0].pinnedInvestment ? Double(apps[$0].investment) : means[klass[$0]] * rng.lognormal(0.9) }
        let group = apps.map { DemoGeography.group($0.region) }
        let regionTargets = Dictionary(uniqueKeysWithValues: DemoTargets.regions.map { ($0.code, $0.investmentEuros) })
        let regionMembers = regionTargets.keys.sorted().map { code in (apps.indices.filter { group[$0] == code }, regionTargets[code]!) }
        let classMembers = classTargets.keys.sorted().map { k in (apps.indices.filter { klass[$0] == k }, classTargets[k]!) }
        for _ in 0..<300 {
            for (members, target) in regionMembers { rake(&x, apps, members: members, target: target) }
            for (members, target) in classMembers { rake(&x, apps, members: members, target: target) }
        }
        for i in apps.indices where !apps[i].pinnedInvestment { apps[i].investment = max(150_000, Int64(x[i].rounded())) }
        // Exact stakes totals: move the rounding difference to an unconstrained project of the same région.
        for (k, target) in classTargets {
            let members = apps.indices.filter { klass[$0] == k && !apps[$0].pinnedInvestment }
            let diff = target - apps.indices.filter { klass[$0] == k }.reduce(Int64(0)) { $0 + apps[$1].investment }
            guard diff != 0, let i = members.max(by: { apps[$0].investment < apps[$1].investment }) else { continue }
            guard let absorber = apps.indices.first(where: { group[$0] == group[i] && klass[$0] == 3 && !apps[$0].pinnedInvestment }) else {
                throw DemoError("pas de projet pour ajuster l’investissement en \(group[i])")
            }
            apps[i].investment += diff
            apps[absorber].investment -= diff
        }
        for (code, target) in regionTargets {
            let members = apps.indices.filter { group[$0] == code }
            let diff = target - members.reduce(Int64(0)) { $0 + apps[$1].investment }
            guard diff != 0 else { continue }
            guard
                let absorber = members.filter({ klass[$0] == 3 && !apps[$0].pinnedInvestment }).max(by: {
                    apps[$0].investment < apps[$1].investment
                })
            else {
                throw DemoError("pas de projet pour ajuster l’investissement en \(code)")
            }
            apps[absorber].investment += diff
        }
        guard apps.allSatisfy({ $0.investment > 0 }) else { throw DemoError("investissement négatif après calibrage") }
    }

    func rake(_ x: inout [Double], _ apps: [DemoApp], members: [Int], target: Int64) {
        let pinned = members.filter { apps[$0].pinnedInvestment }.reduce(0.0) { $0 + x[$1] }
        let free = members.filter { !apps[$0].pinnedInvestment }
        let sum = free.reduce(0.0) { $0 + x[$1] }
        guard sum > 0 else { return }
        let factor = (Double(target) - pinned) / sum
        for i in free { x[i] *= factor }
    }

    /// The collective skills projects' 8.80 M€, in proportion to what each may receive (at most
    /// 1.8 M€ and half its investment); pinned, so the régional calibration keeps them.
    mutating func pinCollaborativeSkillsAid(_ apps: inout [DemoApp], _ members: [Int]) throws {
        let limits = members.map { min(1_800_000, apps[$0].investment / 2) }
        let shares = apportion(DemoTargets.collaborativeSkills.aidEuros, weights: limits.map { Double($0) * (0.8 + 0.2 * rng.unit()) })
        for (k, i) in members.enumerated() {
            guard shares[k] <= limits[k] else { throw DemoError("aide des projets collectifs « compétences » impossible à répartir") }
            apps[i].aid = shares[k]
            apps[i].pinnedAid = true
        }
    }

    /// Aid: per région, proportional to investment with noise, at most 1.8 M€ per undertaking and
    /// half the investment; exact régional totals; the Région's share as its envelope rules say.
    mutating func calibrateAid(_ apps: inout [DemoApp]) throws {
        let cap: Int64 = 1_800_000
        for row in DemoTargets.regions {
            let members = apps.indices.filter { DemoGeography.group(apps[$0].region) == row.code }
            let pinned = members.filter { apps[$0].pinnedAid }.reduce(Int64(0)) { $0 + apps[$1].aid }
            let free = members.filter { !apps[$0].pinnedAid }
            var w = free.map { Double(apps[$0].investment) * (0.06 + 0.12 * rng.unit()) }
            let target = Double(row.aidEuros - pinned)
            for _ in 0..<50 {
                let limits = free.map { Double(min(cap, apps[$0].investment / 2)) }
                let fixed = zip(w, limits).filter { $0 >= $1 }.reduce(0.0) { $0 + $1.1 }
                let loose = zip(w, limits).filter { $0 < $1 }.reduce(0.0) { $0 + $1.0 }
                guard loose > 0 else { break }
                let factor = (target - fixed) / loose
                w = zip(w, limits).map { $0 >= $1 ? $1 : min($0 * factor, $1) }
            }
            var amounts = w.map { Int64($0.rounded()) }
            var diff = (row.aidEuros - pinned) - amounts.reduce(0, +)
            for k in amounts.indices.sorted(by: { amounts[$0] > amounts[$1] }) where diff != 0 {
                let room = min(cap, apps[free[k]].investment / 2) - amounts[k]
                let step = diff > 0 ? min(diff, room) : max(diff, -(amounts[k] - 1))
                amounts[k] += step
                diff -= step
            }
            guard diff == 0 else { throw DemoError("aide impossible à répartir en \(row.code)") }
            for (k, i) in free.enumerated() { apps[i].aid = amounts[k] }
        }
        for i in apps.indices {
            let stateOnly = DemoTargets.regions.first { $0.code == DemoGeography.group(apps[i].region) }!.stateOnly || apps[i].collaborative
            if stateOnly {
                apps[i].aidRegion = 0
            } else if apps[i].region == "53" {
                apps[i].aidRegion = apps[i].aid / 2
                if apps[i].aid % 2 != 0 { apps[i].aid -= 0 }
            } else {
                apps[i].aidRegion = Int64((Double(apps[i].aid) * 0.2).rounded())
            }
        }
    }

    /// Jobs: per région, integer shares of the published total; named projects keep theirs.
    mutating func calibrateJobs(_ apps: inout [DemoApp]) throws {
        for row in DemoTargets.regions {
            let members = apps.indices.filter { DemoGeography.group(apps[$0].region) == row.code }
            let pinned = members.filter { apps[$0].pinnedJobs }.reduce(0) { $0 + apps[$1].jobs }
            let free = members.filter { !apps[$0].pinnedJobs }
            guard pinned <= row.jobs else { throw DemoError("emplois nommés supérieurs au total de \(row.code)") }
            let shares = apportion(
                Int64(row.jobs - pinned), weights: free.map { Double(apps[$0].investment).squareRoot() * rng.lognormal(0.5) })
            for (k, i) in free.enumerated() { apps[i].jobs = Int(shares[k]) }
        }
    }

    // MARK: Other applications

    /// Applications in every other state: rejected and withdrawn in the 2020-2021 calls; drafts,
    /// reviews and committees in the current call.
    mutating func others(applicantSiren: String) throws -> [DemoApp] {
        var result: [DemoApp] = []
        let metro = DemoTargets.regions.map(\.code).filter { $0 != "OM" }
        func make(_ state: ApplicationState, call: Int, region: String) throws -> DemoApp {
            let fragile = rng.unit() < 0.6
            let commune = try pickCommune(region: region, insideTerritory: rng.unit() < 0.6, fragile: fragile)
            let place = geo.communes[commune]!
            let word = rng.pick(DemoApplicationPlan.carrierWords)
            let project = rng.pick(DemoApplicationPlan.projectWords)
            var a = DemoApp(
                region: region, commune: commune, territory: place.epci.flatMap { territoryOfEpci[$0] }, fragile: fragile,
                name: "\(word) \(rng.pick(DemoTerritoryPlan.lastNames))", siren: rng.siren(),
                size: rng.pick([CompanySize.pme, .pme, .eti, .tpe]), sector: rng.pick(DemoApplicationPlan.sectorWeights).0,
                title: "\(project) — \(place.name)",
                description: "\(project) à \(place.name) : investissements productifs et emplois. (Projet de démonstration.)",
                submitted: DemoTargets.reportDate)
            a.stakes = [rng.pick([Stake.relocation, .ecological, .skills])]
            if a.stakes.contains(.ecological) { a.ecological = [rng.pick(EcologicalCategory.allCases)] }
            if a.stakes.contains(.skills) { a.skills = [rng.pick(SkillsCategory.allCases)] }
            a.investment = Int64(2_500_000 * rng.lognormal(0.8)) / 1000 * 1000 + 200_000
            a.aid = min(1_500_000, a.investment / 8) / 100 * 100
            a.jobs = 3 + Int(rng.next() % 40)
            a.jobsMaintained = a.jobs * 3
            a.state = state
            a.call = call
            return a
        }
        let historical: [(ApplicationState, Int)] = [(.rejected, 160), (.withdrawn, 35)]
        for (state, n) in historical {
            for k in 0..<n {
                var a = try make(state, call: 0, region: metro[k % metro.count])
                let decided = try CivilDate(parsing: "2020-12-10").adding(days: Int(rng.next() % 288))
                a.submitted = decided.adding(days: -(30 + Int(rng.next() % 60)))
                a.decided = state == .rejected ? decided : nil
                result.append(a)
            }
        }
        // The current call: a third of them in Auvergne-Rhône-Alpes, where the demo accounts work.
        let current: [(ApplicationState, Int)] = [
            (.draft, 20), (.submitted, 12), (.underReview, 25), (.informationRequested, 8),
            (.reviewed, 10), (.inCommittee, 18),
        ]
        let opened = try CivilDate(parsing: "2026-06-01")
        for (state, n) in current {
            for k in 0..<n {
                let region = k % 3 == 0 ? "84" : metro[(k * 7) % metro.count]
                var a = try make(state, call: 2, region: region)
                a.submitted = opened.adding(days: Int(rng.next() % 150))
                if state == .inCommittee, k % 3 == 0 { a.stateKey = true }
                result.append(a)
            }
        }
        // The demo applicant's own files, in its région.
        for state in [ApplicationState.draft, .underReview, .informationRequested] {
            var a = try make(state, call: 2, region: "84")
            a.siren = applicantSiren
            a.name = "MECALAC"
            a.size = .eti
            a.submitted = opened.adding(days: 20)
            result.append(a)
        }
        return result
    }
}

extension CivilDate {
    /// The date `days` later (or earlier, when negative).
    func adding(days: Int) -> CivilDate {
        var c = DateComponents(year: year, month: month, day: day)
        c.timeZone = TimeZone(identifier: "UTC")
        let calendar = Calendar(identifier: .gregorian)
        let date = calendar.date(byAdding: .day, value: days, to: calendar.date(from: c)!)!
        let d = calendar.dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return try! CivilDate(year: d.year!, month: d.month!, day: d.day!)
    }
}
