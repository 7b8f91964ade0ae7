import Testing

@testable import TIDomain

@Suite("Identifiers")
struct IdentifierTests {
    @Test("INSEE codes: metropolitan, Corsican, overseas", arguments: ["01001", "2A004", "2b033", " 97411 ", "75056", "69383"])
    func validInsee(_ raw: String) throws {
        let code = try InseeCode(validating: raw)
        #expect(code.rawValue == raw.trimmingASCIISpaces().uppercased())
    }

    @Test("INSEE codes rejected with a French message", arguments: ["", "1001", "010011", "2C004", "AB123", "00123", "2A0O4"])
    func invalidInsee(_ raw: String) {
        let error = #expect(throws: DomainError.self) { try InseeCode(validating: raw) }
        #expect(error?.message.contains("code INSEE") == true)
    }

    @Test func departementPartOfInsee() throws {
        #expect(try InseeCode(validating: "2A004").departementCode == "2A")
        #expect(try InseeCode(validating: "97411").departementCode == "974")
        #expect(try InseeCode(validating: "01001").departementCode == "01")
    }

    @Test("SIREN with a valid Luhn key", arguments: ["552100554", "552 100 554", "200000172", "356000000"])
    func validSiren(_ raw: String) throws {
        #expect(try Siren(validating: raw).rawValue == raw.filter { $0 != " " })
    }

    @Test func sirenKeyAndFormat() {
        #expect(throws: DomainError("siren_cle", "Le SIREN « 552100555 » est invalide : sa clé de contrôle ne correspond pas.")) {
            try Siren(validating: "552100555")
        }
        #expect(throws: DomainError.self) { try Siren(validating: "55210055") }
        #expect(throws: DomainError.self) { try Siren(validating: "55210055A") }
        #expect(Siren("552100554")?.formatted == "552 100 554")
    }

    @Test func siret() throws {
        let siret = try Siret(validating: "55210055400013")
        #expect(siret.siren.rawValue == "552100554")
        #expect(throws: DomainError.self) { try Siret(validating: "55210055400014") }
        #expect(try Siret(validating: "35600000049837").siren.rawValue == "356000000")
    }

    @Test func territoryID() {
        #expect(TerritoryID("TI-084-001") != nil)
        #expect(TerritoryID("grand_annecy") != nil)
        #expect(TerritoryID("-abc") == nil)
        #expect(TerritoryID("a b") == nil)
        #expect(TerritoryID(String(repeating: "x", count: 33)) == nil)
    }

    @Test func civilDates() throws {
        #expect(try CivilDate(parsing: "2021-09-24").french == "24 septembre 2021")
        #expect(try CivilDate(parsing: "01/02/2020").iso == "2020-02-01")
        #expect(try CivilDate(parsing: "2020-02-29").day == 29)
        #expect(throws: DomainError.self) { try CivilDate(parsing: "2021-02-29") }
        #expect(throws: DomainError.self) { try CivilDate(parsing: "24 sept") }
        #expect(try CivilDate(parsing: "2021-09-24") < CivilDate(parsing: "2021-10-01"))
    }
}

@Suite("Money")
struct MoneyTests {
    @Test func parsesFrenchAmounts() throws {
        #expect(try EuroCents(parsingEuros: "1 234 567,89").cents == 123_456_789)
        #expect(try EuroCents(parsingEuros: "1234567.8").cents == 123_456_780)
        #expect(try EuroCents(parsingEuros: "1 800 000 €").cents == 180_000_000)
        #expect(throws: DomainError.self) { try EuroCents(parsingEuros: "12,345") }
        #expect(throws: DomainError.self) { try EuroCents(parsingEuros: "douze") }
        #expect(throws: DomainError.self) { try EuroCents(parsingEuros: "") }
    }

    @Test func formats() {
        #expect(EuroCents(cents: 123_456_789).formatted == "1\u{202F}234\u{202F}567,89 €")
        #expect(EuroCents(euros: 1_800_000).formatted == "1\u{202F}800\u{202F}000 €")
        #expect(EuroCents(euros: 5_422_400_000).compact == "5,4 Md€")
        #expect(EuroCents(euros: 573_400_000).compact == "573,4 M€")
        #expect(FrenchNumber.percent(0.69) == "69\u{00A0}%")
        #expect(FrenchNumber.grouped(27255) == "27\u{202F}255")
    }
}

@Suite("Access rules")
struct AccessRuleTests {
    @Test func passwordPolicySaysWhatToChange() {
        #expect(
            throws: DomainError(
                "mot_de_passe_faible",
                "Mot de passe trop faible : il faut au moins 12 caractères ; il faut au moins trois types de caractères parmi minuscules, majuscules, chiffres et symboles."
            )
        ) {
            try PasswordPolicy.validate("abcdefg")
        }
        #expect(throws: DomainError.self) { try PasswordPolicy.validate("Marie.Dupont-2026", email: "marie.dupont@exemple.fr") }
        #expect(throws: DomainError.self) { try PasswordPolicy.validate("Aa1Aa1Aa1Aa1Aa1") }
        #expect(throws: Never.self) { try PasswordPolicy.validate("Territoire-Industrie-42") }
    }

    @Test func scopesFitTheirRoles() throws {
        try Scope.validate(.national, for: .admin)
        try Scope.validate(Scope(regions: ["84"]), for: .region)
        try Scope.validate(Scope(regions: ["84", "93"]), for: .reviewer)
        #expect(throws: DomainError.self) { try Scope.validate(Scope(regions: ["84", "93"]), for: .prefecture) }
        #expect(throws: DomainError.self) { try Scope.validate(.national, for: .territory) }
        #expect(throws: DomainError.self) { try Scope.validate(Scope(regions: ["84"]), for: .viewer) }
        #expect(throws: DomainError.self) { try Scope.validate(.national, for: .applicant) }
    }

    @Test func principalsCoverTheirScopeOnly() {
        let region = Principal(userID: "1", role: .region, scope: Scope(regions: ["84"]))
        #expect(region.covers(region: "84"))
        #expect(!region.covers(region: "93"))
        let territory = Principal(userID: "2", role: .territory, scope: Scope(territory: TerritoryID("TI-1")))
        #expect(territory.covers(region: "84", territories: ["TI-1"]))
        #expect(!territory.covers(region: "84", territories: ["TI-2"]))
        let applicant = Principal(userID: "3", role: .applicant, scope: Scope(organisation: Siren("552100554")))
        #expect(applicant.covers(region: "84", organisation: "552100554"))
        #expect(!applicant.covers(region: "84", organisation: "200000172"))
        #expect(Principal(userID: "4", role: .admin, scope: .national).covers(region: nil))
    }

    @Test func emailAddresses() throws {
        #expect(try EmailAddress.normalise(" Marie@Exemple.FR ") == "marie@exemple.fr")
        for bad in ["marie", "marie@", "@exemple.fr", "marie@exemple", "a b@exemple.fr"] {
            #expect(throws: DomainError.self) { try EmailAddress.normalise(bad) }
        }
    }
}
