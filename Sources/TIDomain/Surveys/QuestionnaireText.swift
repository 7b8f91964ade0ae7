import Foundation

/// The questionnaire as text, the way an administrator writes it in one box:
///
///     ## Gouvernance
///     ? Votre binôme se réunit-il au moins une fois par trimestre ? [oui/non] *
///     ? À quelle fréquence ? [choix]
///     - Chaque mois
///     - Chaque trimestre
///     si 1 = Oui
///
/// `## ` opens a theme; `? ` a question, its kind between brackets (choix, choix multiple,
/// échelle, nombre, oui/non, texte), `*` when required; `- ` an option; `si N = a | b` shows the
/// question only when question N (counted from 1) was answered a or b. A key figure of the
/// question follows `= `: `= a | b : label` (the share who answered a or b), `= moyenne : label`
/// (a number's mean), `= part de N : label` (this number's total over question N's).
public enum QuestionnaireText {
    public static let maxQuestions = 80
    public static let maxOptions = 30
    public static let maxLength = 500

    /// The questionnaire, or the problems with their line numbers (French).
    public static func parse(_ text: String) -> Result<Questionnaire, Problems> {
        var questions: [SurveyQuestion] = []
        var problems: [String] = []
        var section: String?
        var sectionUsed = false
        func fail(_ line: Int, _ message: String) { problems.append("Ligne \(line) : \(message)") }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, rawLine) in lines.enumerated() {
            let n = i + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard line.count <= maxLength else {
                fail(n, "ligne trop longue (plus de \(maxLength) caractères).")
                continue
            }
            if line.hasPrefix("## ") {
                section = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                sectionUsed = false
            } else if line.hasPrefix("?") {
                guard questions.count < maxQuestions else {
                    fail(n, "au plus \(maxQuestions) questions.")
                    break
                }
                var body = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                var required = false
                if body.hasSuffix("*") {
                    required = true
                    body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
                }
                guard body.hasSuffix("]"), let open = body.lastIndex(of: "[") else {
                    fail(n, "indiquez le type de la question entre crochets à la fin, par exemple [choix].")
                    continue
                }
                let word = body[body.index(after: open)..<body.index(before: body.endIndex)].trimmingCharacters(in: .whitespaces)
                    .lowercased()
                guard let kind = QuestionKind.allCases.first(where: { $0.label == word }) else {
                    fail(n, "type « \(word) » inconnu : \(QuestionKind.allCases.map(\.label).joined(separator: ", ")).")
                    continue
                }
                let prompt = body[..<open].trimmingCharacters(in: .whitespaces)
                guard !prompt.isEmpty else {
                    fail(n, "la question n’a pas de texte.")
                    continue
                }
                questions.append(
                    SurveyQuestion(
                        key: "q\(questions.count + 1)", section: sectionUsed ? nil : section, prompt: prompt, kind: kind, required: required
                    ))
                if section != nil { sectionUsed = true }
            } else if line.hasPrefix("- ") {
                guard let last = questions.indices.last, [.single, .multiple].contains(questions[last].kind) else {
                    fail(n, "une option suit une question [choix] ou [choix multiple].")
                    continue
                }
                let option = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                if questions[last].options.contains(option) {
                    fail(n, "l’option « \(option) » est déjà proposée.")
                } else if questions[last].options.count >= maxOptions {
                    fail(n, "au plus \(maxOptions) options par question.")
                } else {
                    questions[last].options.append(option)
                }
            } else if line.lowercased().hasPrefix("si ") {
                guard let last = questions.indices.last else {
                    fail(n, "une condition suit la question qu’elle concerne.")
                    continue
                }
                let parts = line.dropFirst(3).split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let target = Int(parts[0].trimmingCharacters(in: .whitespaces)), target >= 1, target <= last
                else {
                    fail(n, "écrivez « si N = réponse », N étant le numéro d’une question précédente.")
                    continue
                }
                let earlier = questions[target - 1]
                let values = parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard let choices = earlier.choices, !values.isEmpty, values.allSatisfy(choices.contains) else {
                    fail(
                        n,
                        "la question \(target) n’a pas la réponse indiquée (réponses possibles : \(earlier.choices?.joined(separator: ", ") ?? "aucune, c’est une question ouverte"))."
                    )
                    continue
                }
                questions[last].showIf = .init(question: earlier.key, values: values)
            } else if line.hasPrefix("= ") {
                guard let last = questions.indices.last else {
                    fail(n, "un chiffre clé suit la question qu’il résume.")
                    continue
                }
                let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[1].isEmpty else {
                    fail(n, "écrivez « = réponse | réponse : libellé », « = moyenne : libellé » ou « = part de N : libellé ».")
                    continue
                }
                let q = questions[last]
                let spec = parts[0]
                if spec.lowercased() == "moyenne" {
                    guard q.kind == .number || q.kind == .scale else {
                        fail(n, "une moyenne se calcule sur une question [nombre] ou [échelle].")
                        continue
                    }
                    questions[last].highlights.append(.init(.mean, label: parts[1]))
                } else if spec.lowercased().hasPrefix("part de ") {
                    guard q.kind == .number, let target = Int(spec.dropFirst(8).trimmingCharacters(in: .whitespaces)), target >= 1,
                        target <= last, questions[target - 1].kind == .number
                    else {
                        fail(n, "« part de N » rapporte une question [nombre] à une question [nombre] précédente N.")
                        continue
                    }
                    questions[last].highlights.append(.init(.shareOfTotal(questions[target - 1].key), label: parts[1]))
                } else {
                    let values = spec.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    guard let choices = q.choices, !values.isEmpty, values.allSatisfy(choices.contains) else {
                        fail(
                            n,
                            "la question n’a pas la réponse indiquée (réponses possibles : \(q.choices?.joined(separator: ", ") ?? "aucune"))."
                        )
                        continue
                    }
                    questions[last].highlights.append(.init(.share(values), label: parts[1]))
                }
            } else {
                fail(
                    n, "commencez la ligne par « ## » (thème), « ? » (question), « - » (option), « si » (condition) ou « = » (chiffre clé)."
                )
            }
        }
        for (i, q) in questions.enumerated() where [.single, .multiple].contains(q.kind) && q.options.count < 2 {
            problems.append("Question \(i + 1) : proposez au moins deux options (lignes « - »).")
        }
        if questions.isEmpty && problems.isEmpty { problems.append("Le questionnaire ne contient aucune question (lignes « ? »).") }
        return problems.isEmpty ? .success(Questionnaire(questions: questions)) : .failure(Problems(lines: problems))
    }

    public struct Problems: Error, Sendable, Equatable {
        public var lines: [String]
    }

    /// The text of a questionnaire (`parse(render(q))` gives `q` back).
    public static func render(_ q: Questionnaire) -> String {
        var out: [String] = []
        for question in q.questions {
            if let s = question.section {
                if !out.isEmpty { out.append("") }
                out.append("## \(s)")
            }
            out.append("? \(question.prompt) [\(question.kind.label)]\(question.required ? " *" : "")")
            for o in question.options { out.append("- \(o)") }
            if let c = question.showIf, let target = q.questions.firstIndex(where: { $0.key == c.question }) {
                out.append("si \(target + 1) = \(c.values.joined(separator: " | "))")
            }
            for h in question.highlights {
                switch h.measure {
                case .share(let values): out.append("= \(values.joined(separator: " | ")) : \(h.label)")
                case .mean: out.append("= moyenne : \(h.label)")
                case .shareOfTotal(let key):
                    if let target = q.questions.firstIndex(where: { $0.key == key }) { out.append("= part de \(target + 1) : \(h.label)") }
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
