import Foundation
import Plot
import TIDomain
import TIPersistence

struct TokensPage {
    var tokens: [APITokenSummary]
    var created: (name: String, secret: String)?
    var error: String?
    var name = ""
    var now: Double

    func render() -> String {
        Page(
            title: "Mes jetons d’API", breadcrumbs: [.init(label: "Mon compte", url: .account), .init(label: "Jetons d’API", url: nil)],
            content: .group(
                .h1("Mes jetons d’API"),
                .p(
                    "Un jeton permet à un programme d’utiliser l’API avec vos droits (en-tête ", .code("Authorization: Bearer …"),
                    "). Il n’est affiché qu’une fois : conservez-le en lieu sûr. Révoquez-le dès qu’il ne sert plus."),
                .unwrap(created.map { $0 }) { created in
                    .div(
                        .class("fr-alert fr-alert--success fr-mb-4w"), .attribute(named: "role", value: "status"),
                        .h2(.class("fr-alert__title"), .text("Jeton « \(created.name) » créé")),
                        .p("Copiez-le maintenant : il ne sera plus jamais affiché."),
                        .code(.class("ti-secret"), .id("nouveau-jeton"), .text(created.secret)))
                },
                .h2("Créer un jeton"),
                Forms.post(
                    action: SiteURL.accountTokens.path,
                    Forms.field(
                        "name", label: "Nom du jeton", value: name, hint: "Pour le reconnaître, par exemple « tableau de bord régional ».",
                        error: error),
                    Forms.select(
                        "days", label: "Validité", options: [("30", "30 jours"), ("90", "90 jours"), ("365", "1 an")], selected: "90"),
                    Forms.submit("Créer le jeton")),
                .h2(.class("fr-mt-6w"), "Jetons existants"),
                Components.table(
                    caption: "Mes jetons d’API", header: ["Nom", "Préfixe", "Créé le", "Expire le", "Dernier usage", "État", "Action"],
                    rows: tokens.map { token in
                        let usable = token.isUsable(now: now)
                        let state = token.revokedEpoch != nil ? "Révoqué" : usable ? "Actif" : "Expiré"
                        return [
                            Components.cell(token.name), .td(.code(.text(token.prefix + "…"))),
                            Components.cell(token.createdEpoch.map(Self.date) ?? "—"),
                            Components.cell(Self.date(token.expiresEpoch)),
                            Components.cell(token.lastUsedEpoch.map(Self.date) ?? "jamais"),
                            Components.cell(state),
                            usable
                                ? .td(
                                    .form(
                                        .method(.post), .action(SiteURL.revokeToken(token.id).path),
                                        .input(.type(.hidden), .name("_csrf"), .value(PageContext.current.csrfToken)),
                                        .button(
                                            .class("fr-btn fr-btn--sm fr-btn--secondary"), .type(.submit),
                                            .attribute(named: "aria-label", value: "Révoquer le jeton \(token.name)"), "Révoquer")))
                                : Components.cell("—"),
                        ]
                    }, empty: "Vous n’avez encore aucun jeton.")
            )
        ).render()
    }

    static func date(_ epoch: Double) -> String {
        let date = Date(timeIntervalSince1970: epoch)
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Paris")!, from: date)
        return (try? CivilDate(year: c.year!, month: c.month!, day: c.day!).french) ?? "—"
    }
}
