/// An inspiring project's review: published by an admin, or returned with a reason.
public enum InspiringStatus: String, CaseIterable, Codable, Sendable {
    case pending = "a_relire"
    case published = "publie"
    case returned = "renvoye"

    public var label: String {
        switch self {
        case .pending: "À relire"
        case .published: "Publié"
        case .returned: "Renvoyé"
        }
    }

    public var badge: String {
        switch self {
        case .pending: "new"
        case .published: "success"
        case .returned: "warning"
        }
    }
}
