/// A refused fund operation, with the HTTP-like status it maps to and a French message.
public struct FundError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case invalid, forbidden, notFound, conflict }

    public var kind: Kind
    public var code: String
    public var message: String
    /// Field → message, for forms.
    public var fields: [String: String]

    public init(_ kind: Kind, _ code: String, _ message: String, fields: [String: String] = [:]) {
        self.kind = kind
        self.code = code
        self.message = message
        self.fields = fields
    }

    public var description: String { message }
}
