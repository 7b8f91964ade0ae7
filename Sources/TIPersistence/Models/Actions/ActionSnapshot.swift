import TIDomain

/// What the history keeps of an action after each change.
public struct ActionSnapshot: Codable, Sendable, Equatable {
    public var content: ActionContent
    public var validation: ActionValidation
}
