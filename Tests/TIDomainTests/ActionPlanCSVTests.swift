import Testing

@testable import TIDomain

@Suite("Action plan CSV")
struct ActionPlanCSVTests {
    let today = try! CivilDate(parsing: "2021-09-24")

    func action(_ ref: String, title: String = "Plateforme de formation", description: String = "") -> ActionContent {
        ActionContent(
            reference: ref, title: title, description: description, axis: .recruit, themes: [.skills, .recruitment],
            carrierType: .mixed, carrierName: "Agglomération ; « Sud »", siren: Siren("200067254"),
            plannedInvestment: EuroCents(cents: 123_456_789), status: .inProgress, statusOn: try! CivilDate(parsing: "2021-03-01"),
            specific: true)
    }

    /// What is exported reads back to the same actions: separators, quotes, line breaks, a title a
    /// spreadsheet would run as a formula.
    @Test func exportReadsBackUnchanged() throws {
        let actions = [
            action("FA-1"), action("FA-2", title: "=HYPERLINK(\"x\")", description: "Deux lignes\n« guillemets » et ; point-virgule"),
            ActionContent(
                reference: "FA-10", title: "Friche Sud", axis: .attract, themes: [.land], carrierType: .publicBody, status: .idea,
                statusOn: try CivilDate(parsing: "2020-01-15"), specific: false),
        ]
        let text = ActionPlanCSV.export(actions)
        #expect(!text.contains("\n=HYPERLINK"), "a formula must not start a field")
        let read = try ActionPlanCSV.validate(try DelimitedText(parsing: text), today: today).get()
        #expect(read == actions)
    }

    /// Every problem, numbered by the line it is on; nothing kept.
    @Test func problemsAreNumberedByLine() throws {
        let text = """
            reference;titre;axe;thematiques;type_porteur;statut;date_statut;specifique;investissement_prevu_eur;siren
            FA-1;Bon;attirer;foncier;public;idee;2021-01-01;oui;1 000 000;
            FA-2;Axe faux;conquérir;foncier;public;idee;2021-01-01;oui;;
            FA-1;Doublon;Attirer;Foncier et friches;Public;Idée;2021-01-01;non;;
            FA-4;;innover;robots;prive;en_cours;2031-01-01;peut-être;beaucoup;123
            """
        let rejected = try #require(
            ActionPlanCSV.validate(try DelimitedText(parsing: text), today: today).failure)
        let lines = rejected.issues.map(\.line)
        #expect(!lines.contains(2))
        #expect(
            rejected.issues.filter { $0.line == 3 }.map(\.message) == ["axe « conquérir » inconnu : attirer, recruter, innover, simplifier"]
        )
        #expect(rejected.issues.filter { $0.line == 4 }.map(\.message) == ["la référence « FA-1 » figure déjà ligne 2"])
        let line5 = rejected.issues.filter { $0.line == 5 }.map(\.message)
        #expect(line5.count == 4)
        #expect(line5.contains { $0.hasPrefix("thématique « robots » inconnue") })
        #expect(line5.contains("specifique vaut « oui » ou « non »"))
        #expect(line5.contains { $0.hasPrefix("siren : ") })
        #expect(line5.contains { $0.hasPrefix("investissement_prevu_eur : ") })
    }

    @Test func missingColumnsAreNamed() throws {
        let rejected = try #require(
            ActionPlanCSV.validate(try DelimitedText(parsing: "reference;titre\nFA-1;x\n"), today: today).failure)
        #expect(rejected.issues.first?.line == 1)
        #expect(rejected.issues.first?.message.contains("axe") == true)
    }

    @Test func contentIsBounded() {
        var a = action("FA-1", title: String(repeating: "x", count: 201))
        a.plannedInvestment = EuroCents(euros: 20_000_000_000)
        a.statusOn = try! CivilDate(parsing: "2030-01-01")
        a.themes = []
        #expect(Set(a.problems(today: today).keys) == ["titre", "investissement", "date_statut", "thematiques"])
        #expect(action("FA 1;").problems(today: today).keys.contains("reference"))
    }

    @Test func figuresCountSharesAndInvestment() {
        var b = action("FA-2")
        b.specific = false
        b.carrierType = .publicBody
        b.plannedInvestment = nil
        let f = ActionPlanFigures([action("FA-1"), b])
        #expect(f.count == 2 && f.specific == 1 && f.share(f.specific) == 0.5)
        #expect(f.byCarrier == [.mixed: 1, .publicBody: 1])
        #expect(f.plannedInvestment == EuroCents(cents: 123_456_789) && f.investmentKnown == 1)
        #expect(f.byTheme[.skills] == 2)
    }
}
