import Foundation
import Plot
import TIDomain
import TIPersistence

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
