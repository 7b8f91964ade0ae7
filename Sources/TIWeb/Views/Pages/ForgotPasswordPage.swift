import Plot

struct ForgotPasswordPage {
    var email = ""
    var error: String?
    var sent = false

    func render() -> String {
        Page(
            title: "Mot de passe oublié",
            breadcrumbs: [.init(label: "Connexion", url: .signIn), .init(label: "Mot de passe oublié", url: nil)],
            content: .div(
                .class("ti-narrow"),
                .h1("Mot de passe oublié"),
                sent
                    ? Forms.alert(
                        "success", title: "Demande enregistrée",
                        text:
                            "Si un compte existe pour cette adresse, un lien de réinitialisation vient d’y être envoyé. Il est valable une heure et ne sert qu’une fois."
                    )
                    : .group(
                        .p("Indiquez votre adresse électronique : vous recevrez un lien pour choisir un nouveau mot de passe."),
                        Forms.post(
                            action: SiteURL.forgotPassword.path,
                            Forms.field(
                                "email", label: "Adresse électronique", type: .email, value: email, error: error, autocomplete: "username"),
                            Forms.submit("Recevoir un lien"))),
                .p(.class("fr-mt-3w"), .a(.class("fr-link"), .href(SiteURL.signIn.path), "Retour à la connexion"))
            )
        ).render()
    }
}
