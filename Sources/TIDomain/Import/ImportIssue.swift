/// One problem found while validating an import file.
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "ligne \(line) : \(message)" }
}
