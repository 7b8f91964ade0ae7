import Plot

struct SignInPage {
    var email = ""
    var back = ""
    var error: String?
    var notice: String?

    func render() -> String {
        Page(
            title: "Connexion", breadcrumbs: [.init(label: "Connexion", url: nil)],
            content: .div(
                .class("ti-narrow"),
                .h1("Se connecter"),
                .p(
                    "Espace réservé aux équipes du programme, aux services de l’État et des Régions, à Bpifrance, aux territoires et aux porteurs de projet."
                ),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .unwrap(error) { Forms.alert("error", title: "Connexion impossible", text: $0) },
                Forms.post(
                    action: SiteURL.signIn.path,
                    .input(.type(.hidden), .name("retour"), .value(back)),
                    Forms.field(
                        "email", label: "Adresse électronique", type: .email, value: email,
                        hint: "Format attendu : nom@domaine.fr", autocomplete: "username"),
                    Forms.field("password", label: "Mot de passe", type: .password, autocomplete: "current-password"),
                    Forms.submit("Se connecter")),
                .p(.class("fr-mt-3w"), .a(.class("fr-link"), .href(SiteURL.forgotPassword.path), "Mot de passe oublié ?"))
            )
        ).render()
    }
}

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
