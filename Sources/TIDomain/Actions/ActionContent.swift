/// What a territory writes on an action sheet (fiche action), checked before it is stored.
public struct ActionContent: Codable, Sendable, Equatable {
    /// The territory's own identifier for the action (« FA-12 »): the key of the plan's CSV.
    public var reference: String
    public var title: String
    public var description: String
    public var axis: ActionAxis
    public var themes: Set<ActionTheme>
    public var carrierType: ActionCarrierType
    public var carrierName: String?
    public var siren: Siren?
    public var plannedInvestment: EuroCents?
    public var status: ActionStatus
    /// The day the action reached its status.
    public var statusOn: CivilDate
    /// Built specifically for the programme (not an existing project brought in).
    public var specific: Bool

    public init(
        reference: String, title: String, description: String = "", axis: ActionAxis, themes: Set<ActionTheme>,
        carrierType: ActionCarrierType, carrierName: String? = nil, siren: Siren? = nil, plannedInvestment: EuroCents? = nil,
        status: ActionStatus, statusOn: CivilDate, specific: Bool
    ) {
        self.reference = reference
        self.title = title
        self.description = description
        self.axis = axis
        self.themes = themes
        self.carrierType = carrierType
        self.carrierName = carrierName
        self.siren = siren
        self.plannedInvestment = plannedInvestment
        self.status = status
        self.statusOn = statusOn
        self.specific = specific
    }

    /// As stored: reference and title trimmed, an empty carrier name dropped.
    public var normalised: ActionContent {
        var c = self
        c.reference = reference.trimmingASCIISpaces()
        c.title = title.trimmingASCIISpaces()
        c.carrierName = carrierName.flatMap { $0.trimmingASCIISpaces().isEmpty ? nil : $0.trimmingASCIISpaces() }
        return c
    }

    /// What identifies the action in its plan: its reference, trimmed, without regard to case.
    public var referenceKey: String { reference.trimmingASCIISpaces().lowercased() }

    public static let maxTitle = 200
    public static let maxDescription = 5_000
    public static let maxReference = 32
    /// 10 Md€: above any action of the programme, below any overflow.
    public static let maxInvestment = EuroCents(euros: 10_000_000_000)

    /// Problems by field name (the form's and the CSV's), in French; empty when the action can be stored.
    public func problems(today: CivilDate) -> [String: String] {
        var p: [String: String] = [:]
        let ref = reference.trimmingASCIISpaces()
        if ref.isEmpty {
            p["reference"] = "Donnez à l’action une référence (par exemple FA-12)."
        } else if ref.count > Self.maxReference || ref.contains(where: { $0.isNewline || $0 == ";" || $0 == "," }) {
            p["reference"] = "La référence tient en \(Self.maxReference) caractères, sans virgule ni point-virgule."
        }
        if title.trimmingASCIISpaces().isEmpty { p["titre"] = "Donnez un titre à l’action." }
        if title.count > Self.maxTitle { p["titre"] = "Le titre tient en \(Self.maxTitle) caractères." }
        if description.count > Self.maxDescription { p["description"] = "La description tient en 5 000 caractères." }
        if themes.isEmpty { p["thematiques"] = "Choisissez au moins une thématique." }
        if let name = carrierName, name.count > Self.maxTitle { p["porteur"] = "Le nom du porteur tient en \(Self.maxTitle) caractères." }
        if let v = plannedInvestment, v < .zero || v > Self.maxInvestment {
            p["investissement"] = "L’investissement prévu est un montant positif, au plus 10 milliards d’euros."
        }
        if statusOn > today { p["date_statut"] = "La date du statut ne peut pas être dans le futur." }
        return p
    }
}
