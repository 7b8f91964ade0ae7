import Foundation

/// The « dispositif d'aide » format (`schema.data.gouv.fr/etalab/schema-dispositif-aide`, 0.2.0):
/// one line per call of the fund, so that aid directories (aides-territoires, the RAE) can list it
/// and each SCDL grant line points at its call (`dispositifAide` = this `id`).
public enum DispositifAide {
    public static let header = [
        "id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs", "programmes_parents",
        "url_source", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions", "date_ouverture",
        "date_cloture", "date_mise_a_jour",
    ]

    /// What a call says, in plain values.
    public struct Call: Sendable {
        public var id: UUID
        public var title: String
        public var description: String
        public var rules: CallRules
        public var regimeLabel: String
        public var ceiling: EuroCents
        public var url: String
        public var updated: Date

        public init(
            id: UUID, title: String, description: String, rules: CallRules, regimeLabel: String, ceiling: EuroCents, url: String,
            updated: Date
        ) {
            self.id = id
            self.title = title
            self.description = description
            self.rules = rules
            self.regimeLabel = regimeLabel
            self.ceiling = ceiling
            self.url = url
            self.updated = updated
        }
    }

    /// The fields of a call's line. `regionCount` is how many régions exist: a call open to all of
    /// them is national (`PAYS-99100`).
    public static func fields(_ call: Call, regionCount: Int) -> [String] {
        let rules = call.rules
        let cibles = Set(
            rules.carriers.map { kind -> String in
                switch kind {
                case .company, .collective: "professionnels"
                case .association: "associations"
                }
            }
        ).sorted()
        let geography =
            rules.regions.isEmpty || rules.regions.count >= regionCount
            ? "PAYS-99100" : rules.regions.sorted().map { "REG-\($0)" }.joined(separator: "|")
        let sizes = CompanySize.allCases.filter(rules.sizes.contains).map(\.label).joined(separator: ", ")
        let carriers = CarrierKind.allCases.filter(rules.carriers.contains).map(\.label).joined(separator: ", ")
        let eligibility = [
            "• Porteurs : \(carriers.isEmpty ? "tous" : carriers).",
            "• Tailles d’entreprise : \(sizes.isEmpty ? "toutes" : sizes).",
            "• Investissement minimal : \(rules.minimumInvestment.formatted).",
            "• Démarrage du projet dans les \(rules.startWithinMonths) mois.",
            "• Régime d’aides : \(call.regimeLabel), plafond de \(call.ceiling.formatted) par entreprise.",
        ].joined(separator: "\n")
        let porteurs =
            #"[{"nom": "Agence nationale de la cohésion des territoires", "siren": "130026032", "roles": ["animateur"]}, "#
            + #"{"nom": "État (préfectures de région)", "roles": ["financeur", "instructeur"]}, "#
            + #"{"nom": "Régions", "roles": ["financeur", "instructeur"]}, "#
            + #"{"nom": "Bpifrance", "siren": "320252489", "roles": ["instructeur"]}]"#
        return [
            call.id.uuidString.lowercased(), call.title,
            SCDLSubventions.truncated("Financez votre investissement industriel dans un Territoire d’industrie", to: 180),
            SCDLSubventions.truncated(call.description.isEmpty ? call.title : call.description, to: 5000), eligibility,
            "financement", porteurs, "Territoires d’industrie|France Relance", call.url, cibles.joined(separator: "|"), geography,
            "", inParis(rules.opensOn, at: (0, 0, 0)), inParis(rules.closesOn, at: (23, 59, 59)), iso8601(call.updated),
        ]
    }

    /// `AAAA-MM-JJThh:mm:ss+01:00` (or `+02:00` in summer): a time of a Paris day.
    static func inParis(_ day: CivilDate, at time: (Int, Int, Int)) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CivilDate.paris
        let instant = calendar.date(
            from: DateComponents(year: day.year, month: day.month, day: day.day, hour: time.0, minute: time.1, second: time.2))!
        return iso8601(instant)
    }

    static func iso8601(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = CivilDate.paris
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }
}
