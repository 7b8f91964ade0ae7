import Testing

@testable import TIDomain

@Suite("Surveys: questionnaire text, answers, results")
struct SurveyRuleTests {
    static let text = """
        ## Thème
        ? Simple ? [choix] *
        - Oui
        - Plutôt
        - Non
        = Oui | Plutôt : trouvent simple
        ? Emplois ? [nombre]
        = moyenne : en moyenne
        ? Dont CDI ? [nombre]
        si 1 = Oui | Plutôt
        = part de 2 : en CDI
        ? Apports [choix multiple]
        - A
        - B
        ? Note [échelle]
        ? Avis [texte]
        """

    @Test func theTextRoundTrips() throws {
        let q = try QuestionnaireText.parse(Self.text).get()
        #expect(q.questions.count == 6)
        #expect(q.questions[2].showIf == .init(question: "q1", values: ["Oui", "Plutôt"]))
        #expect(try QuestionnaireText.parse(QuestionnaireText.render(q)).get() == q)
    }

    @Test func mistakesAreNumberedByLine() {
        guard case .failure(let p) = QuestionnaireText.parse("? Sans type\n- option\nsi 9 = Oui\nnimporte") else {
            Issue.record("accepted")
            return
        }
        #expect(p.lines.count == 4)
        #expect(p.lines[0].hasPrefix("Ligne 1"))
        #expect(p.lines[3].hasPrefix("Ligne 4"))
    }

    @Test func answersAreCheckedAndHiddenOnesDropped() throws {
        let q = try QuestionnaireText.parse(Self.text).get()
        let (kept, problems) = q.check(["q1": ["Non"], "q3": ["5"], "q2": ["12"], "q4": ["B", "Z"], "q5": ["9"]], submitting: true)
        #expect(kept["q3"] == nil)  // hidden: q1 is « Non »
        #expect(kept["q2"] == ["12"])
        #expect(problems["q4"] != nil)
        #expect(problems["q5"] != nil)
        #expect(q.check([:], submitting: true).problems["q1"] == "Cette question est obligatoire.")
        #expect(q.check([:], submitting: false).problems.isEmpty)
        #expect(q.check(["q2": ["-1"]], submitting: false).problems["q2"] != nil)
        #expect(q.check(["q6": [String(repeating: "x", count: 4_001)]], submitting: false).problems["q6"] != nil)
    }

    @Test func keyFiguresAreComputedFromTheAnswers() throws {
        let q = try QuestionnaireText.parse(Self.text).get()
        let responses = [
            SurveyResponse(region: "84", answers: ["q1": ["Oui"], "q2": ["10"], "q3": ["8"]]),
            SurveyResponse(region: "84", answers: ["q1": ["Plutôt"], "q2": ["30"], "q3": ["22"]]),
            SurveyResponse(region: "11", answers: ["q1": ["Non"]]),
            SurveyResponse(region: nil, answers: [:]),
        ]
        let r = SurveyResults(questionnaire: q, responses: responses, invited: 8)
        #expect(r.responseRate == 0.5)
        let h = r.highlights(q)
        #expect(h.map(\.value) == [2.0 / 3.0, 20, 0.75])
    }

    @Test func regionGroupsNeverShowFewerThanFive() {
        func many(_ region: String, _ n: Int) -> [SurveyResponse] { Array(repeating: .init(region: region, answers: [:]), count: n) }
        // 7 + 2: the pool of 2 would be revealed by the total, so it takes in the other group.
        let groups = SurveyResults.regionGroups(many("84", 7) + many("11", 2))
        #expect(groups.count == 1 && groups[0].region == nil && groups[0].responses.count == 9)
        let shown = SurveyResults.regionGroups(many("84", 7) + many("11", 6) + many("24", 3) + many("27", 2))
        #expect(shown.map(\.region) == ["11", "84", nil])
        #expect(SurveyResults.regionGroups(many("84", 4)).isEmpty)
    }
}
