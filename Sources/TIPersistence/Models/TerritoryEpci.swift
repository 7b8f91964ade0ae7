import FluentKit
import Foundation

/// Membership of an EPCI in a Territoire d'industrie (an EPCI belongs to one TI at most).
public final class TerritoryEpci: Model, @unchecked Sendable {
    public static let schema = "territory_epcis"

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Parent(key: "territory_id") public var territory: Territory
    @Parent(key: "epci_siren") public var epci: Epci

    public init() {}

    public init(territoryID: String, epciSiren: String) {
        self.$territory.id = territoryID
        self.$epci.id = epciSiren
    }
}
