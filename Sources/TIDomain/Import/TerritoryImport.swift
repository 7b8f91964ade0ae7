/// Validation of the Territoires d'industrie registry file (see README, "Importer les territoires").
///
/// One row per member EPCI (`epci_siren`) or per commune (`code_insee`, mapped to its EPCI: a TI
/// takes whole intercommunalities). The TI's attributes may be repeated on each row; when a value
/// appears on several rows it must be the same.
public enum TerritoryImport {
    public static let requiredColumns = ["ti_id", "ti_nom"]
    public static let optionalColumns = [
        "epci_siren", "code_insee", "date_labellisation", "date_fin", "actif",
        "elu_nom", "elu_fonction", "elu_organisation",
        "industriel_nom", "industriel_fonction", "industriel_organisation",
        "chef_projet_nom", "chef_projet_fnadt",
    ]

    public struct Territory: Sendable, Equatable {
        public var profile: TerritoryProfile
        public var epcis: [Siren]
    }

    public struct Lookups {
        public var isKnownEpci: (Siren) -> Bool
        /// The EPCI of the commune a code designates: `.none` unknown commune, `.some(nil)` commune without EPCI.
        public var epciOfCommune: (InseeCode) -> Siren??

        public init(isKnownEpci: @escaping (Siren) -> Bool, epciOfCommune: @escaping (InseeCode) -> Siren??) {
            self.isKnownEpci = isKnownEpci
            self.epciOfCommune = epciOfCommune
        }
    }

    public static func validate(_ file: DelimitedText, lookups: Lookups) -> Result<[Territory], ImportRejected> {
        let (index, headerIssues) = file.columns(required: requiredColumns, optional: optionalColumns)
        var issues = headerIssues
        if index["epci_siren"] == nil && index["code_insee"] == nil {
            issues.append(ImportIssue(line: 1, message: "il faut une colonne « epci_siren » ou « code_insee »"))
        }
        guard issues.isEmpty else { return .failure(ImportRejected(issues)) }
        if file.records.isEmpty {
            return .failure(ImportRejected([ImportIssue(line: 1, message: "aucun territoire dans le fichier")]))
        }

        var order: [TerritoryID] = []
        var builders: [TerritoryID: Builder] = [:]
        var epciOwner: [Siren: TerritoryID] = [:]

        for record in file.records {
            let line = record.line
            func value(_ c: String) -> String? { record.value(c, in: index) }
            func fail(_ message: String) { issues.append(ImportIssue(line: line, message: message)) }

            guard let rawID = value("ti_id") else {
                fail("ti_id manquant")
                continue
            }
            let id: TerritoryID
            do { id = try TerritoryID(validating: rawID) } catch {
                fail(error.message)
                continue
            }
            guard let name = value("ti_nom") else {
                fail("ti_nom manquant pour \(id)")
                continue
            }
            if name.count > 200 { fail("ti_nom trop long (200 caractères au plus)") }

            // Member EPCI, directly or through a commune.
            var member: Siren?
            switch (value("epci_siren"), value("code_insee")) {
            case (nil, nil):
                fail("renseignez epci_siren ou code_insee")
            case (.some, .some):
                fail("renseignez soit epci_siren, soit code_insee, pas les deux")
            case (let siren?, nil):
                do {
                    let s = try Siren(validating: siren)
                    if lookups.isKnownEpci(s) { member = s } else { fail("EPCI \(s) inconnu du référentiel géographique") }
                } catch { fail(error.message) }
            case (nil, let insee?):
                do {
                    let code = try InseeCode(validating: insee)
                    switch lookups.epciOfCommune(code) {
                    case .none: fail("commune \(code) inconnue du référentiel géographique")
                    case .some(.none): fail("la commune \(code) n’appartient à aucun EPCI : elle ne peut pas entrer dans un territoire")
                    case .some(.some(let s)): member = s
                    }
                } catch { fail(error.message) }
            }

            var builder = builders[id] ?? Builder(id: id, firstLine: line)
            if builders[id] == nil { order.append(id) }
            builder.set("ti_nom", name, line: line, issues: &issues)
            for column in optionalColumns where column != "epci_siren" && column != "code_insee" {
                if let v = value(column) { builder.set(column, v, line: line, issues: &issues) }
            }
            if let member {
                if let owner = epciOwner[member], owner != id {
                    fail("l’EPCI \(member) est déjà membre du territoire \(owner) : un EPCI appartient à un seul territoire")
                } else {
                    epciOwner[member] = id
                    if !builder.epcis.contains(member) { builder.epcis.append(member) }
                }
            }
            builders[id] = builder
        }

        var territories: [Territory] = []
        for id in order {
            switch builders[id]!.build() {
            case .success(let t): territories.append(t)
            case .failure(let issue): issues.append(issue)
            }
        }
        return issues.isEmpty ? .success(territories) : .failure(ImportRejected(issues.sorted { $0.line < $1.line }))
    }

    struct Builder {
        let id: TerritoryID
        let firstLine: Int
        var values: [String: String] = [:]
        var epcis: [Siren] = []

        mutating func set(_ column: String, _ value: String, line: Int, issues: inout [ImportIssue]) {
            if let existing = values[column], existing != value {
                issues.append(
                    ImportIssue(
                        line: line, message: "\(column) vaut « \(value) » mais « \(existing) » sur une ligne précédente du territoire \(id)"
                    ))
            } else {
                values[column] = value
            }
        }

        func build() -> Result<Territory, ImportIssue> {
            func contact(_ prefix: String) -> Contact? {
                guard let name = values["\(prefix)_nom"] else { return nil }
                return Contact(name: name, role: values["\(prefix)_fonction"], organisation: values["\(prefix)_organisation"])
            }
            var labelDate: CivilDate?
            if let raw = values["date_labellisation"] {
                do { labelDate = try CivilDate(parsing: raw) } catch {
                    return .failure(ImportIssue(line: firstLine, message: "date_labellisation : \(error.message)"))
                }
            }
            var endDate: CivilDate?
            if let raw = values["date_fin"] {
                do { endDate = try CivilDate(parsing: raw) } catch {
                    return .failure(ImportIssue(line: firstLine, message: "date_fin : \(error.message)"))
                }
                if let labelDate, let endDate, endDate <= labelDate {
                    return .failure(ImportIssue(line: firstLine, message: "date_fin doit suivre date_labellisation"))
                }
            }
            guard let active = TerritoryImport.parseBool(values["actif"], default: endDate == nil) else {
                return .failure(ImportIssue(line: firstLine, message: "actif doit valoir oui ou non (reçu « \(values["actif"]!) »)"))
            }
            guard let fnadt = TerritoryImport.parseBool(values["chef_projet_fnadt"], default: false) else {
                return .failure(
                    ImportIssue(
                        line: firstLine, message: "chef_projet_fnadt doit valoir oui ou non (reçu « \(values["chef_projet_fnadt"]!) »)"))
            }
            if fnadt && values["chef_projet_nom"] == nil {
                return .failure(ImportIssue(line: firstLine, message: "chef_projet_fnadt vaut oui mais chef_projet_nom est vide"))
            }
            let profile = TerritoryProfile(
                id: id, name: values["ti_nom"]!, electedOfficial: contact("elu"), industrialist: contact("industriel"),
                projectLead: contact("chef_projet"), projectLeadFundedByState: fnadt, labelDate: labelDate,
                endDate: endDate, active: active)
            return .success(Territory(profile: profile, epcis: epcis))
        }
    }

    static func parseBool(_ raw: String?, default defaultValue: Bool) -> Bool? {
        guard let raw else { return defaultValue }
        switch raw.lowercased() {
        case "oui", "o", "true", "vrai", "1", "yes", "y": return true
        case "non", "n", "false", "faux", "0", "no": return false
        default: return nil
        }
    }
}
