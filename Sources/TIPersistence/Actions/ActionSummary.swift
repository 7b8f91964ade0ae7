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

    public init(
        id: UUID, territoryID: TerritoryID, territoryName: String, content: ActionContent, validation: ActionValidation,
        validationReason: String? = nil, createdOn: CivilDate
    ) {
        self.id = id
        self.territoryID = territoryID
        self.territoryName = territoryName
        self.content = content
        self.validation = validation
        self.validationReason = validationReason
        self.createdOn = createdOn
    }
}
