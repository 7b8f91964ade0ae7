import Foundation
import Testing

@testable import TIDomain

@Suite("Open data: awarding bodies, SCDL « subventions »")
struct OpenDataTests {
    static let bodiesText = """
        # comment
        region;financeur;nom;siret
        94;state;Préfecture de Corse;13000100100010
        94;region;Collectivité de Corse;23000100000010
        """

    static func aid(funder: DecisionParty = .state, summary: String? = nil, payments: [String] = []) -> AwardedAid {
        AwardedAid(
            applicationReference: "FA-2021-94-00001", agreementReference: nil,
            callID: UUID(uuidString: "6A8D3C8E-0000-4000-8000-000000000001")!,
            callTitle: "Appel 2021", region: "94", funder: funder, amount: EuroCents(cents: 30_000_005),
            decidedOn: try! CivilDate(parsing: "2021-04-01"), agreementOn: nil, beneficiary: "Ateliers d’Ajaccio",
            publicSummary: summary, paymentDates: payments.map { try! CivilDate(parsing: $0) },
            projectEnd: try! CivilDate(parsing: "2022-12-31"), regimeID: "SA.56985-2020")
    }

    @Test func bodiesAreReadPerRegionAndFunder() throws {
        let bodies = try AwardingBodies(parsing: Self.bodiesText)
        #expect(bodies.body(region: "94", funder: .state)?.name == "Préfecture de Corse")
        #expect(bodies.body(region: "94", funder: .region)?.siret.rawValue == "23000100000010")
        #expect(bodies.body(region: "84", funder: .state) == nil)
    }

    @Test(
        "A bad line is refused with its number",
        arguments: ["94;etat;Préfecture;13000100100010", "94;state;;13000100100010", "94;state;P;123"])
    func badLine(_ line: String) {
        let error = #expect(throws: DomainError.self) { try AwardingBodies(parsing: "region;financeur;nom;siret\n" + line) }
        #expect(error?.message.hasPrefix("Ligne 2") == true)
    }

    @Test func theShippedFileCoversEveryRegionAndBothFunders() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/attribuants.csv")
        let bodies = try AwardingBodies(parsing: String(contentsOf: url, encoding: .utf8))
        #expect(bodies.bodies.count == 36)
    }

    @Test func aLineFollowsTheSchema() throws {
        let bodies = try AwardingBodies(parsing: Self.bodiesText)
        let fields = try #require(SCDLSubventions.fields(Self.aid(payments: ["2021-05-01", "2022-05-01", "2021-05-01"]), bodies: bodies))
        #expect(fields.count == SCDLSubventions.header.count)
        let line = Dictionary(uniqueKeysWithValues: zip(SCDLSubventions.header, fields))
        #expect(line["nomAttribuant"] == "Préfecture de Corse" && line["idAttribuant"] == "13000100100010")
        #expect(line["dateConvention"] == "2021-04-01" && line["referenceDecision"] == "FA-2021-94-00001-ETAT")
        #expect(line["montant"] == "300000.05" && line["notificationUE"] == "oui")
        #expect(line["conditionsVersement"] == "échelonné" && line["datesPeriodeVersement"] == "2021-05-01/2022-05-01")
        #expect(line["objet"]?.contains("Appel 2021") == true)
        #expect(line["dispositifAide"] == "6a8d3c8e-0000-4000-8000-000000000001")
    }

    @Test func thePurposeIsThePublicSummaryCutAtTheSchemaLimit() throws {
        let bodies = try AwardingBodies(parsing: Self.bodiesText)
        let long = String(repeating: "é", count: 300)
        let fields = try #require(SCDLSubventions.fields(Self.aid(funder: .region, summary: "Ligne\n" + long), bodies: bodies))
        let purpose = fields[SCDLSubventions.header.firstIndex(of: "objet")!]
        #expect(purpose.unicodeScalars.count == 256 && purpose.hasPrefix("Ligne é") && purpose.hasSuffix("…"))
        #expect(fields[SCDLSubventions.header.firstIndex(of: "referenceDecision")!].hasSuffix("-REGION"))
    }

    @Test func noLineWithoutAnAwardingBodyOrAnAmount() throws {
        #expect(SCDLSubventions.fields(Self.aid(), bodies: AwardingBodies()) == nil)
        var zero = Self.aid()
        zero.amount = .zero
        #expect(SCDLSubventions.fields(zero, bodies: try AwardingBodies(parsing: Self.bodiesText)) == nil)
    }

    @Test func decimals() {
        #expect(SCDLSubventions.decimal(EuroCents(cents: 5)) == "0.05")
        #expect(SCDLSubventions.decimal(EuroCents(cents: 123_456_70)) == "123456.70")
    }
}

@Suite("Open data: reading an SCDL « subventions » file for import")
struct SCDLImportTests {
    static let header = "nomAttribuant;idAttribuant;dateConvention;referenceDecision;nomBeneficiaire;idBeneficiaire;objet;montant;nature\n"

    @Test func linesAreReadWithTheirReferenceOrSiret() throws {
        let file = try DelimitedText(
            parsing: Self.header
                + "Région Corse;23009400500017;2021-06-01;CR-2021-12 FA-2021-94-00001;Ateliers;;Ligne;150 000,50;aide en numéraire\n"
                + "Région Corse;23009400500017;2021-06-02;;Ateliers;55210055400013;Ligne;1000;aide en numéraire\n")
        let (grants, issues) = SCDLImport.read(file)
        #expect(issues.isEmpty)
        #expect(grants.count == 2)
        #expect(grants[0].applicationReference == "FA-2021-94-00001" && grants[0].amount == EuroCents(cents: 15_000_050))
        #expect(grants[0].key == "CR-2021-12 FA-2021-94-00001")
        #expect(grants[1].applicationReference == nil && grants[1].key == "55210055400013@2021-06-02" && grants[1].line == 3)
    }

    @Test func everyProblemIsGivenWithItsLine() throws {
        let file = try DelimitedText(
            parsing: Self.header
                + "Région Corse;123;2021-13-01;FA-2021-94-00001;Ateliers;;;-5;\n"
                + ";23009400500017;2021-06-01;;Ateliers;;;10;\n"
                + "Région Corse;23009400500017;2021-06-01;R1;Ateliers;;;10;\n"
                + "Région Corse;23009400500017;2021-06-01;R1;Ateliers;;;12;\n")
        let (_, issues) = SCDLImport.read(file)
        #expect(issues.filter { $0.line == 2 }.count == 3)  // SIRET, date, amount
        #expect(issues.contains { $0.line == 3 && $0.message.contains("nomAttribuant") })
        #expect(issues.contains { $0.line == 3 && $0.message.contains("ni referenceDecision ni idBeneficiaire") })
        #expect(issues.contains { $0.line == 5 && $0.message.contains("ligne 4") })
    }

    @Test func overlongTextIsRefusedWithItsLine() throws {
        let long = String(repeating: "x", count: 20_000)
        let file = try DelimitedText(
            parsing: Self.header + "Région Corse;23009400500017;2021-06-01;R1;\(long);;\(String(repeating: "é", count: 257));10;\n")
        let (grants, issues) = SCDLImport.read(file)
        #expect(grants.isEmpty)
        #expect(
            issues.map(\.description).sorted() == [
                "ligne 2 : nomBeneficiaire dépasse 1000 caractères", "ligne 2 : objet dépasse 256 caractères",
            ])
    }

    @Test func aFileWithoutTheSchemaColumnsIsRefused() throws {
        let (grants, issues) = SCDLImport.read(try DelimitedText(parsing: "nom;montant\nA;1\n"))
        #expect(grants.isEmpty && issues.count == 1 && issues[0].message.contains("idAttribuant"))
    }

    @Test(
        "Application references",
        arguments: [("FA-2021-94-00001", true), ("FA-2021-2A-00001", true), ("FA-2021-94-0001", false), ("fa-2021-94-00001", false)])
    func references(_ text: String, _ valid: Bool) {
        #expect(SCDLImport.isApplicationReference(text) == valid)
    }
}
