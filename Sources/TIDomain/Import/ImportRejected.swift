/// Validation of a whole file failed: nothing is imported.
public struct ImportRejected: Error, Sendable, CustomStringConvertible {
    public var issues: [ImportIssue]

    public init(_ issues: [ImportIssue]) { self.issues = issues }

    public var description: String {
        "Import refusé, rien n’a été importé (\(issues.count) erreur\(issues.count > 1 ? "s" : "")) :\n"
            + issues.map { "  - \($0)" }.joined(separator: "\n")
    }
}
