import TIDomain

/// A commune an applicant may mean by what they typed.
public struct CommuneCandidate: Sendable, Equatable {
    public var code: String
    public var name: String
    public var departementCode: String
    public var postalCodes: [String]

    /// « Montbéliard (25388) · Doubs · 25200 »
    public var label: String {
        "\(name) (\(code)) · département \(departementCode)"
            + (postalCodes.isEmpty ? "" : " · code postal " + postalCodes.joined(separator: ", "))
    }
}
