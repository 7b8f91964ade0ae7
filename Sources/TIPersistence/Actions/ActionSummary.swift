import Foundation
import TIDomain

/// An action as the pages and the API show it.
public struct ActionSummary: Sendable, Equatable {
    public var id: UUID
    public var territoryID: TerritoryID
    public var territoryName: String
    public var content: ActionContent
    public var validation: ActionValidation
    /// Why the Région sent it back.
    public var validationReason: String?
    public var createdOn: CivilDate
    public var extras: ActionExtras

    public init(
        id: UUID, territoryID: TerritoryID, territoryName: String, content: ActionContent, validation: ActionValidation,
        validationReason: String? = nil, createdOn: CivilDate, extras: ActionExtras = .init()
    ) {
        self.extras = extras
        self.id = id
        self.territoryID = territoryID
        self.territoryName = territoryName
        self.content = content
        self.validation = validation
        self.validationReason = validationReason
        self.createdOn = createdOn
    }

    /// The sheet as this reader may see it: whole for the territory, its Région and admins
    /// (`seesAll`), without its internal fields for everyone else.
    public func visibleContent(seesAll: Bool) -> ActionContent {
        seesAll ? content : content.published(hiding: extras.internalFields)
    }
}
