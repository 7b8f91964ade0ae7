import Plot
import TIDomain
import TIPersistence

struct RegionIndexPage {
    var regions: [GeoQueries.RegionSummary]
    var map: String?

    func render() -> String {
        Page(
            title: "Les régions", section: .territories,
            breadcrumbs: [.init(label: "Territoires", url: .territories), .init(label: "Régions", url: nil)],
            content: .group(
                .h1("Les régions"),
                .if(
                    regions.isEmpty,
                    Components.emptyState(
                        title: "La géographie n’est pas encore importée",
                        text: "Chargez les régions, départements, intercommunalités et communes :",
                        command: "ti import geo")),
                .unwrap(map) { Components.map(svg: $0, caption: "Les régions de France.", file: .mapRegions) },
                Components.table(
                    caption: "Les régions et leurs territoires d’industrie",
                    header: ["Région", "Départements", "Intercommunalités", "Communes", "Population", "Territoires d’industrie"],
                    rows: regions.map { r in
                        [
                            Components.headerCell(r.name, .region(r.code)), Components.numberCell(r.departements),
                            Components.numberCell(r.epcis), Components.numberCell(r.communes),
                            Components.numberCell(r.population), Components.numberCell(r.territories),
                        ]
                    }, numericColumns: [1, 2, 3, 4, 5])
            )
        ).render()
    }
}
