import FluentKit
import Foundation
import TIDomain

/// One zoning (QPV, AFR, ZRR, ACV) that applies to a commune.
public final class CommuneZoning: Model, @unchecked Sendable {
    public static let schema = "commune_zonings"

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Parent(key: "commune_code") public var commune: Commune

    // Data
    @Enum(key: "kind") public var kind: ZoningKind
    @Enum(key: "source") public var source: ZoningSource

    public init() {}

    public init(communeCode: String, kind: ZoningKind, source: ZoningSource) {
        self.$commune.id = communeCode
        self.kind = kind
        self.source = source
    }
}
