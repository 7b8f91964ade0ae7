import Vapor

/// The command failed; its message was already printed.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String { "échec de la commande" }
}
