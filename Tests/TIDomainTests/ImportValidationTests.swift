import Testing

@testable import TIDomain

@Suite("Import files")
struct ImportValidationTests {
    let knownEpci: Set<String> = ["200000172", "200066793"]
    let communeEpci: [String: String?] = ["74010": "200066793", "29155": nil]

    var lookups: TerritoryImport.Lookups {
        .init(
            isKnownEpci: { knownEpci.contains($0.rawValue) },
            epciOfCommune: { code in
                guard let epci = communeEpci[code.rawValue] else { return .none }
                return .some(epci.flatMap { Siren($0) })
            })
    }

    @Test func parsesQuotedFieldsSemicolonsAndLineNumbers() throws {
        let text = "\u{FEFF}ti_id;ti_nom\r\nA;\"Nom; avec \"\"guillemets\"\"\"\r\nB;\"sur\ndeux lignes\"\r\nC;fin"
        let file = try DelimitedText(parsing: text)
        #expect(file.header == ["ti_id", "ti_nom"])
        #expect(file.records.map(\.line) == [2, 3, 5])
        #expect(file.records[0].fields == ["A", "Nom; avec \"guillemets\""])
        #expect(file.records[1].fields[1] == "sur\ndeux lignes")
    }

    @Test func unterminatedQuoteIsReported() {
        #expect(throws: DomainError.self) { try DelimitedText(parsing: "a,b\n1,\"oops\n") }
    }

    @Test func validTerritoryFile() throws {
        let file = try DelimitedText(
            parsing: """
                ti_id,ti_nom,epci_siren,code_insee,elu_nom,chef_projet_nom,chef_projet_fnadt,date_labellisation
                T1,Faucigny,200000172,,Mme Dupont,M. Martin,oui,2018-11-22
                T2,Grand Annecy,,74010,,,,
                T2,Grand Annecy,200066793,,,,,
                """)
        let territories = try TerritoryImport.validate(file, lookups: lookups).get()
        #expect(territories.map(\.profile.id.rawValue) == ["T1", "T2"])
        #expect(territories[0].profile.projectLeadFundedByState)
        #expect(territories[0].profile.electedOfficial?.name == "Mme Dupont")
        #expect(territories[0].profile.labelDate?.iso == "2018-11-22")
        #expect(territories[1].epcis.map(\.rawValue) == ["200066793"])  // commune row and EPCI row dedupe
    }

    @Test func everyBadLineIsReportedWithItsNumber() throws {
        let file = try DelimitedText(
            parsing: """
                ti_id,ti_nom,epci_siren,code_insee,actif
                T1,Un,200000173,,
                T2,Deux,,29155,
                T3,Trois,,99999,
                T4,,200000172,,
                T 5,Cinq,200000172,,
                T6,Six,200000172,,peut-être
                T7,Sept,200066793,74010,
                """)
        let issues = try #require(TerritoryImport.validate(file, lookups: lookups).failure).issues
        #expect(issues.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(issues[0].message.contains("clé de contrôle"))
        #expect(issues[1].message.contains("aucun EPCI"))
        #expect(issues[2].message.contains("inconnue"))
        #expect(issues[3].message.contains("ti_nom manquant"))
        #expect(issues[5].message.contains("oui ou non"))
        #expect(issues[6].message.contains("pas les deux"))
    }

    @Test func headerProblemsStopEverything() throws {
        let file = try DelimitedText(parsing: "ti_id,nom,epci_siren\nT1,X,200000172\n")
        let issues = try #require(TerritoryImport.validate(file, lookups: lookups).failure).issues
        #expect(issues.contains { $0.line == 1 && $0.message.contains("colonne inconnue « nom »") })
        #expect(issues.contains { $0.message.contains("« ti_nom » absente") })
    }

    @Test func inconsistentAttributesAndSharedEpciAreRefused() throws {
        let file = try DelimitedText(
            parsing: """
                ti_id,ti_nom,epci_siren
                T1,Un,200000172
                T1,Autre nom,200066793
                T2,Deux,200000172
                """)
        let issues = try #require(TerritoryImport.validate(file, lookups: lookups).failure).issues
        #expect(issues.map(\.line) == [3, 4])
        #expect(issues[1].message.contains("déjà membre du territoire T1"))
    }

    @Test func zoningFile() throws {
        let resolve: (InseeCode) -> InseeCode? = { $0.rawValue == "99999" ? nil : $0 }
        let ok = try DelimitedText(parsing: "code_insee;nom\n01001;A\n2a004;B\n")
        #expect(try ZoningImport.validate(ok, resolve: resolve).get().map(\.rawValue).sorted() == ["01001", "2A004"])
        let bad = try DelimitedText(parsing: "code_insee\n01001\n123\n99999\n\n;\n")
        let issues = try #require(ZoningImport.validate(bad, resolve: resolve).failure).issues
        #expect(issues.map(\.line) == [3, 4, 6])
        let noColumn = try DelimitedText(parsing: "insee\n01001\n")
        #expect(ZoningImport.validate(noColumn, resolve: resolve).failure?.issues.first?.message.contains("code_insee") == true)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
