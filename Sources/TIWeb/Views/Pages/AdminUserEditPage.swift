import Foundation
import Plot
import TIDomain
import TIPersistence

/// Editing an account: its name and scope (address and role stay as created).
struct AdminUserEditPage {
    var user: AccountSummary
    var draft: AdminUsersPage.Draft
    var errors: [String: String] = [:]

    func render() -> String {
        Page(
            title: "Modifier le compte \(user.email)",
            breadcrumbs: [.init(label: "Utilisateurs", url: .adminUsers), .init(label: user.email, url: nil)],
            content: .group(
                .h1(.text("Modifier le compte")),
                .p(
                    .text(
                        "\(user.email) — \(user.role.label). L’adresse et le rôle ne changent pas ; pour un autre rôle, créez un autre compte."
                    )),
                .if(
                    !errors.isEmpty,
                    Forms.errorSummary(
                        errors,
                        fields: [
                            ("name", "Nom affiché"), ("regions", "Région(s)"),
                            ("territory", "Territoire d’industrie"), ("organisation", "SIREN de l’organisation"), ("partner", "Partenaire"),
                        ])),
                Forms.post(
                    action: SiteURL.adminUser(user.id).path,
                    Forms.field("name", label: "Nom affiché", value: draft.name, error: errors["name"]),
                    AdminUsersPage.scopeFields(draft, errors),
                    .div(
                        .class("fr-btns-group fr-btns-group--inline-md"),
                        .button(.class("fr-btn"), .type(.submit), "Enregistrer le compte"),
                        .a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminUsers.path), "Annuler")))
            )
        ).render()
    }
}
