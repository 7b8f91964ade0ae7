import Foundation
import Plot
import TIDomain
import TIPersistence

struct AdminUsersPage {
    struct Draft {
        var email = "", name = "", role = "viewer", regions = "", territory = "", organisation = ""
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
                    .li(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.adminCalls.path), "Appels à projets"))),
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
                error: errors["organisation"], required: false))
    }

    static func scopeText(_ scope: Scope) -> String {
        if let t = scope.territory { return "Territoire \(t.rawValue)" }
        if let o = scope.organisation { return "SIREN \(o.formatted)" }
        return scope.regions.isEmpty ? "National" : "Région(s) " + scope.regions.joined(separator: ", ")
    }
}

struct AuditPage {
    var events: [AuditLog.Entry]
    var actors: [String: String]
    /// File id → its reference (or « brouillon « titre » »).
    var files: [String: String] = [:]
    var filter: AuditQuery
    var page: Int
    var hasNext: Bool
    var total: Int

    func render() -> String {
        Page(
            title: "Journal d’audit",
            breadcrumbs: [.init(label: "Administration", url: .adminUsers), .init(label: "Journal d’audit", url: nil)],
            content: .group(
                .h1("Journal d’audit"),
                .p(
                    "Chaque action qui modifie un compte, un jeton, un appel, une enveloppe, un dossier ou une décision est enregistrée ici. Le journal ne peut être ni modifié ni effacé."
                ),
                .form(
                    .method(.get), .action(SiteURL.adminAudit.path), .class("ti-filters fr-mb-3w"),
                    .div(
                        .class("fr-input-group"), .label(.class("fr-label"), .for("f-action"), "Action"),
                        .input(.class("fr-input"), .id("f-action"), .name("action"), .value(filter.action ?? ""))),
                    .div(
                        .class("fr-input-group"), .label(.class("fr-label"), .for("f-objet"), "Type d’objet"),
                        .input(.class("fr-input"), .id("f-objet"), .name("objet"), .value(filter.objet ?? ""))),
                    .div(
                        .class("fr-input-group"), .label(.class("fr-label"), .for("f-du"), "Du"),
                        .input(.class("fr-input"), .id("f-du"), .name("du"), .type(.date), .value(filter.du ?? ""))),
                    .div(
                        .class("fr-input-group"), .label(.class("fr-label"), .for("f-au"), "Au (inclus)"),
                        .input(.class("fr-input"), .id("f-au"), .name("au"), .type(.date), .value(filter.au ?? ""))),
                    .div(
                        .class("ti-filters__actions"), .button(.class("fr-btn"), .type(.submit), "Filtrer"),
                        .a(.class("fr-btn fr-btn--tertiary"), .href(SiteURL.adminAudit.path), "Réinitialiser"))),
                .p(
                    .class("ti-result-count"), .text("\(Components.plural(total, "événement", "événements"))"), .text(" · "),
                    .a(.href(SiteURL.adminAuditCSV.path + filter.queryString(page: nil)), "Télécharger en CSV")),
                Components.table(
                    caption: "Événements", header: ["Date (heure de Paris)", "Auteur", "Rôle", "Action", "Objet", "Avant", "Après"],
                    rows: events.map { e in
                        [
                            Components.cell(AuditPage.timestamp(e.atEpoch)),
                            Components.cell(e.actorID.map { actors[$0] ?? $0 } ?? "—"),
                            Components.cell(
                                Role(rawValue: e.actorRole)?.label
                                    ?? (e.actorRole == "systeme" ? "Système (ligne de commande)" : e.actorRole)),
                            .td(.code(.text(e.action))),
                            objectCell(e),
                            .td(.class("ti-json"), .text(e.beforeJSON ?? "—")), .td(.class("ti-json"), .text(e.afterJSON ?? "—")),
                        ]
                    }, empty: "Aucun événement ne correspond à ces critères."),
                Components.pagination(page: page, pages: max(1, (total + AdminController.pageSize - 1) / AdminController.pageSize)) {
                    SiteURL.adminAudit.path + filter.queryString(page: $0)
                }
            )
        ).render()
    }

    /// A file by its reference (a link), an account by its name; what has gone is said so.
    func objectCell(_ e: AuditLog.Entry) -> Node<HTML.TableRowContext> {
        switch e.objectType {
        case "dossier":
            guard let label = files[e.objectID], let id = UUID(uuidString: e.objectID) else { return .td(.text("dossier supprimé")) }
            return .td(.text("dossier "), .a(.href(SiteURL.application(id).path), .text(label)))
        case "utilisateur", "compte":
            return .td(.text("compte " + (actors[e.objectID] ?? "supprimé")))
        default:
            return .td(.text("\(e.objectType) \(e.objectID)"))
        }
    }

    static func timestamp(_ epoch: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "dd/MM/yyyy HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: epoch))
    }
}

/// The audit page's filters, as GET parameters (shareable URL).
struct AuditQuery: Codable, Sendable {
    var action: String?
    var objet: String?
    var acteur: String?
    var du: String?
    var au: String?
    var page: Int?

    func queryString(page: Int?) -> String {
        var items: [String] = []
        func add(_ k: String, _ v: String?) {
            if let v, !v.isEmpty { items.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        }
        add("action", action)
        add("objet", objet)
        add("acteur", acteur)
        add("du", du)
        add("au", au)
        if let page { items.append("page=\(page)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }
}

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
                            ("territory", "Territoire d’industrie"), ("organisation", "SIREN de l’organisation"),
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

extension AdminUsersPage.Draft {
    init(_ user: AccountSummary) {
        self.init(
            email: user.email, name: user.displayName, role: user.role.rawValue, regions: user.scope.regions.joined(separator: ", "),
            territory: user.scope.territory?.rawValue ?? "", organisation: user.scope.organisation?.rawValue ?? "")
    }
}
