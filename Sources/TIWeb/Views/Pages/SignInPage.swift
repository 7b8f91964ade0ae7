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
