import Foundation

/// An inspiring project (projet inspirant): a case study of a TI under one of the programme's
/// four priorities, optionally tied to a fund laureate (by its reference).
public struct InspiringProjectContent: Codable, Sendable, Equatable {
    public var title: String
    public var summary: String
    public var axis: ActionAxis
    public var territory: TerritoryID
    /// A laureate's file reference (« FA-2021-27-00012 »), if the project is one.
    public var laureateReference: String?
    /// The reference of an action of the TI's plan (« FA-12 ») the project comes from.
    public var actionReference: String?
    /// A turnkey site it is on.
    public var site: UUID?

    public init(
        title: String, summary: String, axis: ActionAxis, territory: TerritoryID, laureateReference: String? = nil,
        actionReference: String? = nil, site: UUID? = nil
    ) {
        self.actionReference = actionReference
        self.site = site
        self.title = title
        self.summary = summary
        self.axis = axis
        self.territory = territory
        self.laureateReference = laureateReference
    }

    public func problems() -> [String: String] {
        var p: [String: String] = [:]
        if title.trimmingASCIISpaces().isEmpty { p["titre"] = "Donnez un titre au projet." }
        if title.count > 200 { p["titre"] = "Le titre tient en 200 caractères." }
        if summary.trimmingASCIISpaces().isEmpty { p["texte"] = "Racontez le projet en quelques phrases." }
        if summary.count > 3_000 { p["texte"] = "Le texte tient en 3 000 caractères." }
        if let r = laureateReference, r.count > 40 { p["laureat"] = "Une référence de dossier tient en 40 caractères." }
        if let r = actionReference, r.count > ActionContent.maxReference {
            p["action"] = "Une référence d’action tient en \(ActionContent.maxReference) caractères."
        }
        return p
    }
}
