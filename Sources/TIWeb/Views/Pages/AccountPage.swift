import Foundation
import Plot
import TIDomain
import TIPersistence

struct AccountPage {
    var user: AccountSummary

    /// Where this account's work is (the page it lands on after sign-in), and how to call it.
    var work: (url: SiteURL, label: String) {
        let principal = user.principal
        let label: String =
            switch user.role {
            case .applicant: "Mes dossiers"
            case .reviewer: "Les dossiers à instruire"
            case .region, .prefecture: "Le comité régional et ses enveloppes"
            case .territory: "Mon territoire"
            case .admin: "L’administration"
            case .viewer: "Les indicateurs"
            case .partner: "Les engagements de mon organisation"
            }
        return (AuthController.landing(for: principal), label)
    }

    func render() -> String {
        let scope = user.scope
        var scopeText = "Toute la France"
        if !scope.regions.isEmpty { scopeText = "Région\(scope.regions.count > 1 ? "s" : "") \(scope.regions.joined(separator: ", "))" }
        if let t = scope.territory { scopeText = "Territoire \(t.rawValue)" }
        if let o = scope.organisation { scopeText = "Organisation SIREN \(o.formatted)" }
        if let p = scope.partner { scopeText = "Partenaire \(p)" }
        return Page(
            title: "Mon compte", breadcrumbs: [.init(label: "Mon compte", url: nil)],
            content: .group(
                .h1("Mon compte"),
                .dl(
                    .class("ti-definitions"),
                    .dt("Nom"), .dd(.text(user.displayName)),
                    .dt("Adresse électronique"), .dd(.text(user.email)),
                    .dt("Rôle"), .dd(.text(user.role.label)),
                    .dt("Périmètre"), .dd(.text(scopeText))),
                .ul(
                    .class("fr-btns-group fr-btns-group--inline-md fr-mt-3w"),
                    .li(.a(.class("fr-btn"), .href(work.url.path), .text(work.label))),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.accountTokens.path), "Mes jetons d’API")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.accountWebhooks.path), "Mes webhooks")),
                    .li(.a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.forgotPassword.path), "Changer de mot de passe")))
            )
        ).render()
    }
}
