import FluentSQL
import Foundation

/// A région or département with its population (for per-inhabitant ratios).
public struct MapArea: Sendable {
    public var code: String
    public var name: String
    public var population: Int
}
