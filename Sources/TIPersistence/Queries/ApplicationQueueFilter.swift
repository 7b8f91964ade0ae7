import FluentSQL
import Foundation
import TIDomain

/// The work queue's criteria, already read and bounded (the web layer turns GET parameters into this).
public struct ApplicationQueueFilter: Sendable, Equatable {
    public enum States: Sendable, Equatable {
        /// The states someone has to act on (`ApplicationState.toProcess`).
        case toProcess
        case all
        case only(ApplicationState)
    }

    public enum Order: String, Sendable, CaseIterable {
        /// Latest deposit first (the default).
        case deposit = "depot"
        /// Largest requested aid first.
        case aid = "aide"
        case name = "nom"
        case reference
    }

    public var callID: UUID?
    public var region: String?
    public var departement: String?
    public var states: States = .toProcess
    /// In a Territoire d'industrie (true), outside one (false), either (nil).
    public var inTerritory: Bool?
    public var fragile: Bool?
    public var size: String?
    public var sector: String?
    public var aidMin: EuroCents?
    public var aidMax: EuroCents?
    /// Words of the carrier's name or the reference.
    public var text: String?
    public var order: Order = .deposit

    public init() {}
}
