import FluentKit
import Foundation
import TIGeo

/// A projected, simplified outline of an area (région, département, EPCI, TI), derived from
/// commune boundaries at import time and drawn by the SVG maps.
public final class Outline: Model, @unchecked Sendable {
    public static let schema = "outlines"

    public enum Level: String, Codable, Sendable, CaseIterable {
        case region, departement, epci, territory
    }

    // Identity: "level:code:detail"
    @ID(custom: "key", generatedBy: .user) public var id: String?

    // Data
    @Enum(key: "level") public var level: Level
    @Field(key: "code") public var code: String
    @Field(key: "detail") public var detail: String
    @Field(key: "frame") public var frame: String
    @Field(key: "shape") public var shape: Data

    public init() {}

    public init(level: Level, code: String, detail: OutlineBuilder.Detail, shape: ProjectedShape) {
        self.id = Outline.key(level, code, detail)
        self.level = level
        self.code = code
        self.detail = detail.rawValue
        self.frame = shape.frame.rawValue
        self.shape = Data(shape.encoded())
    }

    public static func key(_ level: Level, _ code: String, _ detail: OutlineBuilder.Detail) -> String {
        "\(level.rawValue):\(code):\(detail.rawValue)"
    }

    public func decoded() throws -> ProjectedShape { try ProjectedShape(decoding: [UInt8](shape)) }
}
