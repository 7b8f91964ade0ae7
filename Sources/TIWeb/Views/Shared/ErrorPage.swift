import Plot
import Vapor

/// The HTML page shown to browsers for any error.
struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String
    /// Instead of the one the status gives.
    var title: String? = nil

    func render() -> String {
        let title =
            title ?? (status == .notFound ? "Page introuvable" : status.code >= 500 ? "Erreur inattendue" : "Requête refusée")
        return Page(
            title: title,
            content: .div(
                .class("fr-my-7w fr-mt-md-12w fr-mb-md-10w"),
                .h1(.text(title)),
                .p(.class("fr-text--sm fr-mb-3w"), .text("Erreur \(status.code)")),
                .p(.class("fr-text--lead fr-mb-3w"), .text(message)),
                .ul(
                    .class("fr-btns-group fr-btns-group--inline-md"),
                    .li(.a(.class("fr-btn"), .href(SiteURL.home.path), "Page d’accueil")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.territories.path), "Les territoires"))))
        ).render()
    }
}
