import TIDomain

/// What the history keeps of an action after each change.
public struct ActionSnapshot: Codable, Sendable, Equatable {
    public var content: ActionContent
    public var validation: ActionValidation
    /// Absent from the history written before internal fields and links existed.
    public var extras: ActionExtras?
}
