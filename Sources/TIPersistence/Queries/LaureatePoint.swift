import FluentSQL
import Foundation
import TIDomain

/// A laureate placed on the map: at its commune's centroid, with what the map measures.
public struct LaureatePoint: Sendable {
    public var id: UUID
    public var name: String
    public var commune: String
    public var communeName: String
    public var departement: String
    public var territory: String?
    public var lon: Double
    public var lat: Double
    public var investment: EuroCents
    public var aid: EuroCents
    public var jobs: Int
    public var decided: CivilDate?
}
