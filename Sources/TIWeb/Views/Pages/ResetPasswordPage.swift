import Plot

struct ResetPasswordPage {
    var token: String
    var valid: Bool
    var error: String?

    func render() -> String {
        Page(
            title: "Nouveau mot de passe",
            breadcrumbs: [.init(label: "Connexion", url: .signIn), .init(label: "Nouveau mot de passe", url: nil)],
            content: .div(
                .class("ti-narrow"),
                .h1("Choisir un nouveau mot de passe"),
                valid
                    ? Forms.post(
                        action: SiteURL.resetPassword(token).path,
                        Forms.field(
                            "password", label: "Nouveau mot de passe", type: .password,
                            hint: "Au moins 12 caractères, dont trois types parmi minuscules, majuscules, chiffres et symboles.",
                            error: error, autocomplete: "new-password"),
                        Forms.field("confirmation", label: "Confirmation", type: .password, autocomplete: "new-password"),
                        Forms.submit("Enregistrer le mot de passe"))
                    : .group(
                        Forms.alert(
                            "error", title: "Lien invalide ou expiré",
                            text: "Ce lien a déjà servi ou n’est plus valable. Demandez-en un nouveau."),
                        .p(.a(.class("fr-btn"), .href(SiteURL.forgotPassword.path), "Demander un nouveau lien")))
            )
        ).render()
    }
}
