import Foundation
import TIDomain
import Testing

@testable import TIWeb

@Suite("Typed routes")
struct SiteURLTests {
    let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    @Test func linksCarryValuesAndRoutesCarryPlaceholders() {
        #expect(SiteURL.application(id).path == "/dossiers/6F9619FF-8B86-D011-B42D-00C04FC964FF")
        #expect(SiteURL.application(.key).pattern == "/dossiers/:id")
        #expect(SiteURL.applicationAction(id, "withdraw").path == "/dossiers/6F9619FF-8B86-D011-B42D-00C04FC964FF/actions/withdraw")
        #expect(SiteURL.applicationAction(.key, .key).pattern == "/dossiers/:id/actions/:action")
        #expect(SiteURL.attachment(.key, .key).components.map(\.description) == ["dossiers", ":id", "pieces", ":file"])
        #expect(APIURL.applicationDecisions(.key).pattern == "/api/v1/applications/:id/decisions")
    }

    /// A suffix glued to a parameter is part of the link, not of the route (the router matches whole components).
    @Test func suffixesStayInLinks() {
        #expect(SiteURL.mapTerritory(TerritoryID("TI-AJACCIO")!).path == "/cartes/territoires/TI-AJACCIO.svg")
        #expect(SiteURL.mapTerritory(.key).pattern == "/cartes/territoires/:id")
        #expect(SiteURL.indicatorCSV("laureates.count").path == "/indicateurs/laureates.count.csv")
        #expect(SiteURL.indicatorCSV(.key).pattern == "/indicateurs/:file")
    }

    @Test func valuesArePercentEncoded() {
        #expect(SiteURL.territory(TerritoryID("TI_a-1")!).path == "/territoires/TI_a-1")
        #expect(SiteURL.region("<x>").path == "/regions/%3Cx%3E")
    }
}
