import Foundation

/// A submitted response as the results see it: its answers and the respondent's région, nothing
/// that names them.
public struct SurveyResponse: Codable, Sendable, Equatable {
    public var region: String?
    public var answers: SurveyAnswers

    public init(region: String?, answers: SurveyAnswers) {
        self.region = region
        self.answers = answers
    }
}

/// The results of one question over a set of responses. Shares are taken over those who answered
/// the question (`answered`), which the page and the report say.
public struct QuestionResult: Codable, Sendable, Equatable {
    public struct Choice: Codable, Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    public var key: String
    public var prompt: String
    public var kind: QuestionKind
    public var answered: Int
    /// Closed questions: each choice in the questionnaire's order.
    public var choices: [Choice]
    /// Numbers and scales.
    public var sum: Int?
    public var mean: Double?
    /// Free texts (only ever shown to admins).
    public var texts: [String]

    public func count(_ label: String) -> Int { choices.first { $0.label == label }?.count ?? 0 }

    /// The share of those who answered that chose one of `labels` (0 when nobody answered).
    public func share(_ labels: [String]) -> Double {
        guard answered > 0 else { return 0 }
        return Double(labels.reduce(0) { $0 + count($1) }) / Double(answered)
    }
}

/// Aggregates of a campaign's submitted responses: response rate, per-question results, and a
/// breakdown by région that shows a group only from `minimumGroup` respondents (anonymity).
public struct SurveyResults: Codable, Sendable, Equatable {
    public static let minimumGroup = 5

    public var invited: Int
    public var respondents: Int
    public var questions: [QuestionResult]

    public var responseRate: Double { invited == 0 ? 0 : Double(respondents) / Double(invited) }

    public init(questionnaire: Questionnaire, responses: [SurveyResponse], invited: Int) {
        self.invited = invited
        respondents = responses.count
        questions = questionnaire.questions.map { q in
            var counts: [String: Int] = [:]
            var answered = 0
            var sum = 0
            var texts: [String] = []
            for r in responses {
                guard let values = r.answers[q.key], !values.isEmpty else { continue }
                answered += 1
                switch q.kind {
                case .number, .scale:
                    if let n = Int(values[0]) { sum +|= n }
                    if q.kind == .scale { counts[values[0], default: 0] += 1 }
                case .text: texts.append(values[0])
                default: for v in values { counts[v, default: 0] += 1 }
                }
            }
            let numeric = q.kind == .number || q.kind == .scale
            return QuestionResult(
                key: q.key, prompt: q.prompt, kind: q.kind, answered: answered,
                choices: (q.choices ?? []).map { .init(label: $0, count: counts[$0] ?? 0) },
                sum: numeric ? sum : nil, mean: numeric && answered > 0 ? Double(sum) / Double(answered) : nil, texts: texts)
        }
    }

    public func question(_ key: String) -> QuestionResult? { questions.first { $0.key == key } }

    /// A key figure's value and what it is taken over (respondents to the question, or the
    /// earlier number's total); nil when nobody answered.
    public func value(of h: SurveyQuestion.Highlight, question key: String) -> (value: Double, over: Int)? {
        guard let q = question(key), q.answered > 0 else { return nil }
        switch h.measure {
        case .share(let values): return (q.share(values), q.answered)
        case .mean: return q.mean.map { ($0, q.answered) }
        case .shareOfTotal(let other):
            guard let total = question(other)?.sum, total > 0, let sum = q.sum else { return nil }
            return (Double(sum) / Double(total), total)
        }
    }

    /// Every key figure of the questionnaire, in order, with its value.
    public func highlights(_ questionnaire: Questionnaire) -> [(
        question: SurveyQuestion, highlight: SurveyQuestion.Highlight, value: Double, over: Int
    )] {
        questionnaire.questions.flatMap { q in
            q.highlights.compactMap { h in value(of: h, question: q.key).map { (q, h, $0.value, $0.over) } }
        }
    }

    /// Respondents per région, for the régions with at least `minimumGroup` of them; the others
    /// are pooled under nil. A pool under the threshold takes in the smallest shown groups until it
    /// reaches it (else the total minus the shown groups would reveal it).
    public static func regionGroups(_ responses: [SurveyResponse]) -> [(region: String?, responses: [SurveyResponse])] {
        let grouped = Dictionary(grouping: responses) { $0.region ?? "" }
        var shown: [(String?, [SurveyResponse])] = []
        var pooled: [SurveyResponse] = []
        for (region, members) in grouped.sorted(by: { $0.key < $1.key }) {
            if members.count >= minimumGroup && !region.isEmpty { shown.append((region, members)) } else { pooled += members }
        }
        shown.sort { $0.1.count > $1.1.count }
        while !pooled.isEmpty && pooled.count < minimumGroup, let smallest = shown.popLast() { pooled += smallest.1 }
        shown.sort { ($0.0 ?? "") < ($1.0 ?? "") }
        if pooled.count >= minimumGroup { shown.append((nil, pooled)) }
        return shown
    }
}
