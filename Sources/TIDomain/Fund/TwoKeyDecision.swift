/// Laureate only when both are favourable; rejected as soon as either is unfavourable;
/// in committee until both have spoken.
public enum TwoKeyDecision {
    public enum Outcome: Equatable, Sendable { case pending, laureate, rejected }

    public static func outcome(state: PartyDecision?, region: PartyDecision?) -> Outcome {
        if state?.favourable == false || region?.favourable == false { return .rejected }
        if state?.favourable == true && region?.favourable == true { return .laureate }
        return .pending
    }

    public static func validateMotivation(_ text: String) throws(DomainError) -> String {
        let t = text.trimmingASCIISpaces()
        guard t.count >= 10 else {
            throw DomainError(
                "motivation_requise", "Motivez la décision (10 caractères au moins) : elle figurera dans le courrier au porteur.")
        }
        guard t.count <= 4000 else { throw DomainError("motivation_longue", "La motivation est trop longue (4 000 caractères au plus).") }
        return t
    }
}
