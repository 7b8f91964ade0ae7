import Foundation

/// What a question asks for.
public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    case single, multiple, scale, number
    case yesNo = "yes_no"
    case text

    /// French; the word the questionnaire's text format uses between brackets.
    public var label: String {
        switch self {
        case .single: "choix"
        case .multiple: "choix multiple"
        case .scale: "échelle"
        case .number: "nombre"
        case .yesNo: "oui/non"
        case .text: "texte"
        }
    }

    /// The answers a closed question allows (nil: open).
    func choices(_ options: [String]) -> [String]? {
        switch self {
        case .single, .multiple: options
        case .scale: (1...5).map(String.init)
        case .yesNo: ["Oui", "Non"]
        case .number, .text: nil
        }
    }
}

/// One question of a questionnaire.
public struct SurveyQuestion: Codable, Sendable, Equatable {
    /// Shown only when an earlier question's answer is one of `values`.
    public struct Condition: Codable, Sendable, Equatable {
        public var question: String
        public var values: [String]

        public init(question: String, values: [String]) {
            self.question = question
            self.values = values
        }
    }

    /// `q1`, `q2`… in order; the form field is `q_` + key.
    public var key: String
    /// The theme the question opens or belongs to (French heading).
    public var section: String?
    public var prompt: String
    public var kind: QuestionKind
    public var options: [String]
    public var required: Bool
    public var showIf: Condition?
    /// The key figures this question gives the results and the report.
    public var highlights: [Highlight]

    public init(
        key: String, section: String? = nil, prompt: String, kind: QuestionKind, options: [String] = [], required: Bool = false,
        showIf: Condition? = nil, highlights: [Highlight] = []
    ) {
        self.key = key
        self.section = section
        self.prompt = prompt
        self.kind = kind
        self.options = options
        self.required = required
        self.showIf = showIf
        self.highlights = highlights
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        prompt = try c.decode(String.self, forKey: .prompt)
        kind = try c.decode(QuestionKind.self, forKey: .kind)
        options = try c.decodeIfPresent([String].self, forKey: .options) ?? []
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        showIf = try c.decodeIfPresent(Condition.self, forKey: .showIf)
        highlights = try c.decodeIfPresent([Highlight].self, forKey: .highlights) ?? []
    }

    /// A key figure: the share of respondents who gave one of some answers, the mean of a number,
    /// or a number's total as a share of an earlier number's total (« 74 % of the jobs are CDI »).
    public struct Highlight: Codable, Sendable, Equatable {
        public enum Measure: Codable, Sendable, Equatable {
            case share([String])
            case mean
            case shareOfTotal(String)
        }

        public var measure: Measure
        /// French, read after the figure: « des lauréats ont trouvé le processus simple ».
        public var label: String

        public init(_ measure: Measure, label: String) {
            self.measure = measure
            self.label = label
        }
    }

    /// The answers this question accepts (nil: a number or free text).
    public var choices: [String]? { kind.choices(options) }
}

/// A respondent's answers: question key → values (one for most kinds, several for a multiple choice).
public typealias SurveyAnswers = [String: [String]]

/// Ordered questions. Answers are checked here: hidden questions are dropped, closed answers must
/// be among the choices, numbers are bounded, texts are limited, required questions are required
/// when the respondent submits (not when they save to come back).
public struct Questionnaire: Codable, Sendable, Equatable {
    public var questions: [SurveyQuestion]

    public init(questions: [SurveyQuestion]) { self.questions = questions }

    public static let maxNumber = 1_000_000
    public static let maxText = 4_000

    public func question(_ key: String) -> SurveyQuestion? { questions.first { $0.key == key } }

    /// The themes in order (questions without one belong to the previous theme).
    public var sections: [String] {
        var seen: [String] = []
        for q in questions { if let s = q.section, !seen.contains(s) { seen.append(s) } }
        return seen
    }

    /// Whether `question` is shown given the answers kept so far.
    public func isShown(_ question: SurveyQuestion, given answers: SurveyAnswers) -> Bool {
        guard let condition = question.showIf else { return true }
        return !(answers[condition.question] ?? []).filter { condition.values.contains($0) }.isEmpty
    }

    /// The answers kept (shown questions only, cleaned) and the problems by question key.
    public func check(_ raw: SurveyAnswers, submitting: Bool) -> (answers: SurveyAnswers, problems: [String: String]) {
        var kept: SurveyAnswers = [:]
        var problems: [String: String] = [:]
        for q in questions where isShown(q, given: kept) {
            let values = (raw[q.key] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if values.isEmpty {
                if q.required && submitting { problems[q.key] = "Cette question est obligatoire." }
                continue
            }
            switch q.kind {
            case .single, .scale, .yesNo:
                guard values.count == 1, let choices = q.choices, choices.contains(values[0]) else {
                    problems[q.key] = "Choisissez une des réponses proposées."
                    continue
                }
                kept[q.key] = values
            case .multiple:
                let choices = q.options
                guard values.allSatisfy(choices.contains) else {
                    problems[q.key] = "Choisissez parmi les réponses proposées."
                    continue
                }
                kept[q.key] = choices.filter(values.contains)
            case .number:
                guard values.count == 1, let n = Int(values[0].replacingOccurrences(of: " ", with: "")), (0...Self.maxNumber).contains(n)
                else {
                    problems[q.key] = "Indiquez un nombre entier entre 0 et \(FrenchNumber.grouped(Self.maxNumber))."
                    continue
                }
                kept[q.key] = [String(n)]
            case .text:
                let text = values.joined(separator: "\n")
                guard text.count <= Self.maxText else {
                    problems[q.key] = "Votre réponse dépasse \(FrenchNumber.grouped(Self.maxText)) caractères."
                    continue
                }
                kept[q.key] = [text]
            }
        }
        return (kept, problems)
    }
}
