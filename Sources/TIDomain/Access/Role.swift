/// Who a signed-in person is for the platform. Each role has a territorial scope.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// National programme team: everything.
    case admin
    /// Conseil régional: one région's applications; records the Région's decision.
    case region
    /// Préfecture de région: one région's applications; records the State's decision.
    case prefecture
    /// Bpifrance analyst: reviews applications of one or more régions.
    case reviewer
    /// Binôme or chef de projet: one TI's action plan; reads applications sited in its TI.
    case territory
    /// A partner operator (ADEME, Banque des Territoires…): its own organisation's commitments.
    case partner
    /// A company's representative: its own organisation's applications.
    case applicant
    /// Signed-in "premium" dataviz user: detailed, non-confidential data everywhere.
    case viewer

    public var label: String {
        switch self {
        case .admin: "Administration nationale"
        case .region: "Conseil régional"
        case .prefecture: "Préfecture de région"
        case .reviewer: "Instruction Bpifrance"
        case .territory: "Territoire d’industrie"
        case .partner: "Opérateur partenaire"
        case .applicant: "Porteur de projet"
        case .viewer: "Lecteur (accès détaillé)"
        }
    }

    public init(validating input: String) throws(DomainError) {
        guard let role = Role(rawValue: input.lowercased()) else {
            throw DomainError(
                "role_inconnu", "Le rôle « \(input) » est inconnu : \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        self = role
    }

    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
