import Foundation
import Plot
import TIDomain

/// `/api`: the API reference for people, generated on the server from the OpenAPI document (no
/// script): how to get a token, the conventions, then every operation with its parameters, an
/// example request and answer, and its statuses. Examples scroll sideways on small screens, so
/// each can take the keyboard's focus (WCAG 2.1.1).
struct APIDocPage {
    var reference: APIReference
    var publicURL: String

    func render() -> String {
        Page(
            title: "API — référence", section: .data,
            breadcrumbs: [.init(label: "Données", url: .data), .init(label: "API", url: nil)],
            content: .group(
                .h1("API Territoires d’industrie"),
                .p(
                    .class("fr-text--lead"),
                    "Les données du programme en JSON, sous Licence Ouverte / Etalab 2.0. Cette page est produite à partir du contrat ",
                    .a(.href(APIURL.openapi.path), "OpenAPI 3.1"), " que le serveur applique : elle ne peut pas le contredire."),
                summary(),
                gettingStarted(),
                .forEach(reference.groups) { group in
                    .section(
                        .id(anchor(group.title)), .class("fr-mt-6w"), .ariaLabel(group.title),
                        .h2(.text(group.title)),
                        .forEach(group.operations) { operation($0) })
                }
            )
        ).render()
    }

    func anchor(_ title: String) -> String {
        "groupe-"
            + String(
                title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().unicodeScalars
                    .filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    func summary() -> Node<HTML.BodyContext> {
        .element(
            named: "nav",
            nodes: [
                .class("fr-summary fr-my-4w"), .attribute(named: "role", value: "navigation"), .ariaLabel("Sommaire de l’API"),
                .p(.class("fr-summary__title"), "Sommaire"),
                .ol(
                    .class("fr-summary__list"),
                    .li(.a(.class("fr-summary__link"), .href("#demarrer"), "Obtenir un jeton et conventions")),
                    .forEach(reference.groups) { group in
                        .li(
                            .a(.class("fr-summary__link"), .href("#" + anchor(group.title)), .text(group.title)),
                            .ol(
                                .forEach(group.operations) { op in
                                    .li(.a(.class("fr-summary__link"), .href("#" + op.id), .text("\(op.method) \(op.path)")))
                                }))
                    }),
            ])
    }

    func gettingStarted() -> Node<HTML.BodyContext> {
        .section(
            .id("demarrer"), .ariaLabel("Obtenir un jeton et conventions"),
            .h2("Obtenir un jeton et conventions"),
            .p(
                "Les données publiques (géographie, territoires, appels, actions, sites, indicateurs, rapport) se lisent sans jeton. ",
                "Les dossiers, enveloppes, décisions et webhooks demandent un jeton personnel : connectez-vous, ouvrez ",
                .a(.href(SiteURL.accountTokens.path), "« Jetons d’API » dans votre compte"),
                ", créez un jeton (il n’est montré qu’une fois) et envoyez-le dans l’en-tête ", .code("Authorization: Bearer …"),
                ". Le jeton agit avec le rôle et le périmètre de son titulaire."),
            .pre(
                .class("ti-code"), .attribute(named: "tabindex", value: "0"),
                .code(.text("export TI_JETON=ti_…\ncurl -H \"Authorization: Bearer $TI_JETON\" \(publicURL)/api/v1/me"))),
            .ul(
                .li("Erreurs : ", .code("{\"error\": {\"code\": \"…\", \"message\": \"…\"}}"), " avec un message en français."),
                .li(
                    "400 : la requête ne respecte pas le contrat (le code nomme le paramètre, par exemple ", .code("region_invalide"),
                    ") ; 422 : elle le respecte mais les règles la refusent."),
                .li("401 sans jeton valide, 403 hors des droits du jeton, 404 pour une ressource inconnue ou hors de votre périmètre."),
                .li(
                    "405 (avec l’en-tête Allow) pour une méthode non décrite, 413 pour un corps trop gros, 415 pour un corps qui n’est pas du JSON."
                ),
                .li("429 au-delà de 600 requêtes par minute et par jeton : attendez le nombre de secondes de l’en-tête Retry-After."),
                .li(
                    "Chaque réponse GET porte un ETag : renvoyez-le dans ", .code("If-None-Match"),
                    " pour recevoir 304 sans corps tant que rien n’a changé."),
                .li("Les listes paginées donnent les pages voisines dans les champs next et previous et dans l’en-tête Link."),
                .li("Les opérations publiques acceptent les appels d’autres sites (CORS, sans cookies).")
            ))
    }

    func operation(_ op: APIReference.Operation) -> Node<HTML.BodyContext> {
        .section(
            .id(op.id), .class("fr-mt-4w ti-api-op"), .ariaLabel("\(op.method) \(op.path)"),
            .h3(.class("fr-h5"), .span(.class("fr-badge fr-badge--sm fr-mr-1w"), .text(op.method)), .code(.text(op.path))),
            .p(
                .text(op.summary), .text(" "),
                op.needsToken
                    ? .span(.class("fr-badge fr-badge--sm fr-badge--warning"), "jeton requis")
                    : .span(.class("fr-badge fr-badge--sm fr-badge--success"), "public")),
            .if(!op.description.isEmpty, .p(.class("fr-text--sm"), .text(op.description))),
            .if(
                !op.parameters.isEmpty,
                Components.table(
                    caption: "Paramètres de \(op.method) \(op.path)", header: ["Nom", "Où", "Obligatoire", "Valeurs", "Description"],
                    rows: op.parameters.map { p in
                        [
                            .td(.code(.text(p.name))), Components.cell(p.location), Components.cell(p.required ? "oui" : "non"),
                            Components.cell(p.rule), Components.cell(p.description),
                        ]
                    })),
            .p(.class("fr-text--sm fr-mb-1v"), "Exemple de requête :"),
            .pre(.class("ti-code"), .attribute(named: "tabindex", value: "0"), .code(.text("\(op.curl) \"\(publicURL)\(op.exampleURL)\""))),
            .unwrap(op.requestExample) { body in
                .group(
                    .p(.class("fr-text--sm fr-mb-1v"), "Corps envoyé (JSON) :"),
                    .pre(.class("ti-code"), .attribute(named: "tabindex", value: "0"), .code(.text(body))))
            },
            .unwrap(op.responseExample) { body in
                .group(
                    .p(.class("fr-text--sm fr-mb-1v"), "Forme de la réponse :"),
                    .pre(.class("ti-code"), .attribute(named: "tabindex", value: "0"), .code(.text(body))))
            },
            .p(.class("fr-text--sm fr-mb-1v"), "Réponses possibles :"),
            .ul(
                .class("fr-text--sm"),
                .forEach(op.statuses) { status in .li(.strong(.text(status.code)), .text(" — \(status.description)")) })
        )
    }
}
