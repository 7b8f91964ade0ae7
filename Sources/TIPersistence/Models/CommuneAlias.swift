import FluentKit
import Foundation
import TIDomain

/// A code of the official list that is not a commune proper: municipal arrondissement,
/// delegated or associated commune, municipal sector. It points at the commune it belongs to.
public final class CommuneAlias: Model, @unchecked Sendable {
    public static let schema = "commune_aliases"

    // Identity: "KIND:code", e.g. "ARM:69383" (codes repeat across kinds: 01015 is a COM and a COMD)
    @ID(custom: "key", generatedBy: .user) public var id: String?

    // References
    @Parent(key: "commune_code") public var commune: Commune

    // Data
    @Field(key: "code") public var code: String
    @Enum(key: "kind") public var kind: CommuneKind
    @Field(key: "name") public var name: String

    public init() {}
}
