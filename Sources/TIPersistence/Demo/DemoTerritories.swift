import TIDomain

/// The 146 Territoires d'industrie of the demonstration: the ones the report names, on their real
/// EPCI, then generated ones on real EPCI so that each région has its published count
/// (5 interregional TI counted in both régions: 151 in the regional column). Like the programme's,
/// they are industrial areas outside the big metropolises: about 540 EPCI and 29 million
/// inhabitants. A generated TI is named after its main intercommunality.
struct DemoTerritoryPlan {
    struct Planned {
        var id: String
        var name: String
        var epcis: [String]
        var regions: Set<String>
        var profile: TerritoryProfile
    }

    static let named: [(id: String, name: String, epcis: [String])] = [
        ("TI-GRAND-ANNECY", "Grand Annecy", ["200066793"]),
        ("TI-RIOM-VICHY", "Riom Vichy", ["200070753", "200071363"]),
        ("TI-HAUT-JURA", "Haut-Jura", ["200026573", "243900479"]),
        ("TI-PITHIVIERS", "Pithiviers", ["200071850"]),
        ("TI-MONTARGIS-GIEN", "Montargois-en-Gâtinais - Giennois", ["244500203", "244500211", "200067676"]),
        ("TI-FLANDRE-ST-OMER", "Flandre Saint-Omer", ["200069037", "200040947"]),
        ("TI-VALLEE-BRESLE", "Vallée de la Bresle", ["247600588", "200069722", "200070944"]),
        ("TI-EVRY-VILLAROCHE", "Evry-Corbeil - Villaroche", ["200059228"]),
        ("TI-SEINE-AVAL", "Seine Aval - Mantes", ["200059889"]),
        ("TI-NORD-COTENTIN", "Nord Cotentin", ["200067205", "200042729"]),
        ("TI-COLLINES-NORMANDIE", "Collines de Normandie", ["200035814"]),
        ("TI-LAVAL-LOIRON", "Laval-Loiron", ["200083392"]),
        ("TI-LE-MANS-SARTHE", "Pôle métropolitain Le Mans-Sarthe", ["247200132", "200072684"]),
        ("TI-VALLEE-DURANCE", "Vallée de la Durance", ["200034700"]),
        ("TI-AVIGNON", "Avignon-Sorgues-Cavaillon-Ventoux", ["248400251", "248400293", "248400053"]),
        ("TI-VAL-DE-GARONNE", "Val de Garonne Guyenne Gascogne", ["200030674"]),
        ("TI-LACQ-PAU-TARBES", "Lacq-Pau-Tarbes", ["200039204", "200067254", "200069300"]),
        ("TI-MACONNAIS", "Mâconnais Beaujolais", ["200070308"]),
        ("TI-LE-PORT", "Le Port", ["249740101"]),
        ("TI-KOUROU", "Kourou", ["200027548"]),
        ("TI-GRAND-CHALON", "Grand Chalon", ["247100589", "247104094"]),
        ("TI-NORD-FRANCHE-COMTE", "Nord Franche-Comté", ["200065647", "200069052", "200069060", "247000722", "249000241"]),
        ("TI-BETHUNE-BRUAY", "Béthune-Bruay", ["200072460"]),
        ("TI-PAYS-DE-REDON", "Pays de Redon", ["243500741"]),
        ("TI-AXE-SEINE", "Axe Seine", ["200089456", "200072312"]),
    ]

    static let firstNames = [
        "Marie", "Jean", "Sophie", "Pierre", "Nathalie", "Laurent", "Isabelle", "François", "Catherine", "Philippe",
        "Sandrine", "Olivier", "Valérie", "Nicolas", "Christine", "Thierry", "Céline", "Stéphane", "Hélène", "Julien",
        "Claire", "Mathieu", "Anne", "Frédéric", "Émilie", "Sébastien", "Caroline", "Vincent", "Élodie", "Damien",
    ]
    static let lastNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
        "Garnier", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
    ]

    static func person(_ rng: inout SeededRandom) -> String {
        "\(rng.pick(["Mme", "M."])) \(rng.pick(firstNames)) \(rng.pick(lastNames))"
    }

    /// "Communauté de communes du Pays de X" → "Pays de X".
    static func shortName(_ epciName: String) -> String {
        var n = epciName
        for prefix in ["Communauté d'agglomération ", "Communauté de communes ", "Communauté urbaine ", "Métropole "]
        where n.hasPrefix(prefix) {
            n = String(n.dropFirst(prefix.count))
        }
        for article in ["du ", "de la ", "de l'", "des ", "de ", "d'"] where n.hasPrefix(article) {
            n = String(n.dropFirst(article.count))
        }
        if let paren = n.firstIndex(of: "(") { n = String(n[..<paren]).trimmingCharacters(in: .whitespaces) }
        return n.prefix(1).uppercased() + n.dropFirst()
    }

    static func make(_ geo: DemoGeography, rng: inout SeededRandom) throws -> [Planned] {
        var planned: [Planned] = []
        var used = Set<String>()
        for n in named {
            for e in n.epcis where geo.epciRegions[e] == nil {
                throw DemoError("EPCI \(e) du territoire \(n.name) absent de la géographie importée")
            }
            let regions = n.epcis.reduce(into: Set<String>()) { $0.formUnion(geo.epciRegions[$1] ?? []) }
            planned.append(
                Planned(
                    id: n.id, name: n.name, epcis: n.epcis, regions: regions,
                    profile: TerritoryProfile(id: TerritoryID(n.id)!, name: n.name)))
            used.formUnion(n.epcis)
        }
        // Counts per région (overseas ones separately), interregional TI counting in each.
        var wanted: [String: Int] = [:]
        for row in DemoTargets.regions where row.code != "OM" { wanted[row.code] = row.territories }
        for (code, n) in DemoTargets.overseasTerritories { wanted[code] = n }
        for p in planned { for r in p.regions { wanted[r, default: 0] -= 1 } }
        var names = Set(planned.map(\.name))
        for (region, missing) in wanted.sorted(by: { $0.key < $1.key }) where missing > 0 {
            var pool = geo.industrialEpcis(in: region).filter { !used.contains($0) }
            guard pool.count >= missing else { throw DemoError("pas assez d’EPCI dans la région \(region)") }
            // Each TI around one of the largest remaining intercommunalities, with 3 or 4 others of its
            // département drawn among the largest there (4.3 EPCI per TI on average).
            for i in 0..<missing {
                let size = max(1, min(i % 3 == 0 ? 5 : 4, pool.count / (missing - i)))
                let core = pool.removeFirst()
                let departement = geo.epciDepartement[core]
                var neighbours = Array(pool.filter { geo.epciDepartement[$0] == departement }.prefix(7))
                rng.shuffle(&neighbours)
                let epcis = [core] + neighbours.prefix(size - 1)
                pool.removeAll { epcis.contains($0) }
                var name = shortName(geo.epciNames[core] ?? "Territoire \(region)-\(i + 1)")
                if names.contains(name), let d = departement { name += " (\(d))" }
                names.insert(name)
                let id = "TI-\(region)-\(String(format: "%02d", i + 1))"
                planned.append(
                    Planned(
                        id: id, name: name, epcis: epcis, regions: [region],
                        profile: TerritoryProfile(id: TerritoryID(id)!, name: name)))
                used.formUnion(epcis)
            }
        }
        // Governance: a binôme everywhere; 50 State-co-funded chefs de projet covering 56 TI.
        planned.sort { $0.id < $1.id }
        let labelDates = ["2018-11-22", "2018-11-22", "2018-11-22", "2019-03-08", "2019-07-12"]
        for i in planned.indices {
            let epciName = geo.epciNames[planned[i].epcis[0]] ?? planned[i].name
            planned[i].profile.electedOfficial = Contact(
                name: person(&rng), role: "Vice-président·e chargé·e de l’économie", organisation: epciName)
            planned[i].profile.industrialist = Contact(
                name: person(&rng), role: "Dirigeant·e", organisation: "Entreprise du territoire \(planned[i].name)")
            planned[i].profile.labelDate = try CivilDate(parsing: rng.pick(labelDates))
        }
        var order = Array(planned.indices)
        rng.shuffle(&order)
        let funded = Array(order.prefix(DemoTargets.chefsDeProjet.territories))
        // 44 chefs cover one TI each, 6 cover two (neighbouring ids).
        var persons: [String] = []
        for i in 0..<DemoTargets.chefsDeProjet.persons {
            var name = person(&rng)
            while persons.contains(name) { name = person(&rng) + " \(i)" }
            persons.append(name)
        }
        for (k, index) in funded.enumerated() {
            let person = k < 44 ? persons[k] : persons[44 + (k - 44) / 2]
            planned[index].profile.projectLead = Contact(
                name: person, role: "Chef·fe de projet Territoire d’industrie", organisation: geo.epciNames[planned[index].epcis[0]])
            planned[index].profile.projectLeadFundedByState = true
        }
        for index in order.dropFirst(DemoTargets.chefsDeProjet.territories).prefix(40) {
            planned[index].profile.projectLead = Contact(
                name: person(&rng), role: "Chargé·e de mission industrie", organisation: geo.epciNames[planned[index].epcis[0]])
        }
        // 148 TI at the general assembly of 15 Dec. 2020, 146 at 24 Sept. 2021: two of them merged
        // into a neighbour in 2021. They keep their history; their EPCI now belong to the neighbour.
        for (k, host) in ["TI-GRAND-ANNECY", "TI-NORD-FRANCHE-COMTE"].enumerated() {
            guard let neighbour = planned.first(where: { $0.id == host }) else { continue }
            let id = "TI-FUSIONNE-\(k + 1)"
            let name = "\(neighbour.name) — territoire fusionné"
            planned.append(
                Planned(
                    id: id, name: name, epcis: [], regions: neighbour.regions,
                    profile: TerritoryProfile(
                        id: TerritoryID(id)!, name: name, labelDate: try CivilDate(parsing: "2018-11-22"),
                        endDate: try CivilDate(parsing: "2021-06-30"), active: false)))
        }
        return planned
    }
}

public struct DemoError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = "Données de démonstration : " + d }
}
