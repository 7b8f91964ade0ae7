/// One party's opinion in committee.
public struct PartyDecision: Codable, Sendable, Equatable {
    public var favourable: Bool
    public var motivation: String

    public init(favourable: Bool, motivation: String) {
        self.favourable = favourable
        self.motivation = motivation
    }
}
