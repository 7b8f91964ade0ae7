import Foundation
import Plot
import TIDomain
import TIPersistence

struct AdminUsersPage {
    struct Draft {
        var email = "", name = "", role = "viewer", regions = "", territory = "", organisation = "", partner = ""
    }

    var users: [AccountSummary]
    var draft = Draft()
    var errors: [String: String] = [:]
    var notice: String?

    func render() -> String {
        Page(
            title: "Utilisateurs", breadcrumbs: [.init(label: "Administration", url: nil), .init(label: "Utilisateurs", url: nil)],
            content: .group(
                .h1("Utilisateurs"),
                .ul(
                    .class("fr-btns-group fr-btns-group--inline-md"),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminAudit.path), "Journal d’audit")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminCalls.path), "Appels à projets")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.commitments.path), "Engagements des partenaires")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.surveys.path), "Enquêtes")),
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.reportEditions.path), "Éditions du rapport"))),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .unwrap(errors["general"]) { Forms.alert("error", title: "Création impossible", text: $0) },
                // The actions sit in the first column, in view at any width.
                Components.table(
                    caption: "Comptes", header: ["Nom et actions", "Adresse", "Rôle", "Périmètre", "État"],
                    rows: users.map { u in
                        [
                            .td(
                                .text(u.displayName + (u.isDemo ? " (démonstration)" : "")),
                                .div(
                                    .class("ti-row-actions"),
                                    .a(
                                        .class("fr-btn fr-btn--sm fr-btn--tertiary"), .href(SiteURL.adminUser(u.id).path),
                                        .attribute(named: "aria-label", value: "Modifier le compte \(u.email)"), "Modifier"),
                                    u.id.uuidString == PageContext.current.userID
                                        ? .text(" (vous)")
                                        : .form(
                                            .method(.post),
                                            .action(
                                                (u.active ? SiteURL.adminUserDeactivate(u.id) : SiteURL.adminUserActivate(u.id)).path),
                                            .class("ti-inline-form"),
                                            .input(.type(.hidden), .name("_csrf"), .value(PageContext.current.csrfToken)),
                                            .button(
                                                .class("fr-btn fr-btn--sm fr-btn--tertiary"), .type(.submit),
                                                .attribute(
                                                    named: "aria-label",
                                                    value: "\(u.active ? "Désactiver" : "Réactiver") le compte \(u.email)"),
                                                .text(u.active ? "Désactiver" : "Réactiver"))))),
                            Components.cell(u.email), Components.cell(u.role.label), Components.cell(Self.scopeText(u.scope)),
                            Components.cell(u.active ? "Actif" : "Désactivé"),
                        ]
                    }, empty: "Aucun compte."),
                .h2(.class("fr-mt-6w"), "Créer un compte"),
                .p("La personne reçoit un lien pour choisir son mot de passe (valable 72 heures)."),
                Forms.post(
                    action: SiteURL.adminUsers.path,
                    Forms.field("email", label: "Adresse électronique", type: .email, value: draft.email, error: errors["email"]),
                    Forms.field("name", label: "Nom affiché", value: draft.name, error: errors["name"]),
                    Forms.select(
                        "role", label: "Rôle", options: Role.allCases.map { ($0.rawValue, $0.label) }, selected: draft.role,
                        error: errors["role"]),
                    Self.scopeFields(draft, errors),
                    Forms.submit("Créer le compte"))
            )
        ).render()
    }

    /// The scope of an account, on the creation and edit forms.
    static func scopeFields(_ draft: Draft, _ errors: [String: String]) -> Node<HTML.FormContext> {
        .group(
            Forms.field(
                "regions", label: "Région(s)", value: draft.regions,
                hint: "Codes INSEE séparés par des virgules (conseil régional, préfecture, Bpifrance), ex. 84, 27",
                error: errors["regions"], required: false),
            Forms.field(
                "territory", label: "Territoire d’industrie", value: draft.territory, hint: "Identifiant du territoire (rôle territoire)",
                error: errors["territory"], required: false),
            Forms.field(
                "organisation", label: "SIREN de l’organisation", value: draft.organisation, hint: "9 chiffres (rôle porteur de projet)",
                error: errors["organisation"], required: false),
            Forms.field(
                "partner", label: "Partenaire", value: draft.partner, hint: "Code du partenaire (rôle opérateur partenaire), ex. ademe",
                error: errors["partner"], required: false))
    }

    static func scopeText(_ scope: Scope) -> String {
        if let t = scope.territory { return "Territoire \(t.rawValue)" }
        if let o = scope.organisation { return "SIREN \(o.formatted)" }
        if let p = scope.partner { return "Partenaire \(p)" }
        return scope.regions.isEmpty ? "National" : "Région(s) " + scope.regions.joined(separator: ", ")
    }
}

extension AdminUsersPage.Draft {
    init(_ user: AccountSummary) {
        self.init(
            email: user.email, name: user.displayName, role: user.role.rawValue, regions: user.scope.regions.joined(separator: ", "),
            territory: user.scope.territory?.rawValue ?? "", organisation: user.scope.organisation?.rawValue ?? "",
            partner: user.scope.partner ?? "")
    }
}
