public enum CompanySize: String, CaseIterable, Codable, Sendable {
    case tpe, pme, eti, ge

    public var label: String {
        switch self {
        case .tpe: "TPE"
        case .pme: "PME"
        case .eti: "ETI"
        case .ge: "Grande entreprise"
        }
    }

    public var isSmeOrMidcap: Bool { self == .pme || self == .eti }
}
