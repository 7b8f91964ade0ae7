import Foundation
import Plot

/// « Supprimer le brouillon ? »: the only confirmation step of the applicant's journey.
struct DeleteDraftPage {
    var id: UUID
    var title: String

    func render() -> String {
        Page(
            title: "Supprimer le brouillon", section: .fund,
            breadcrumbs: [
                .init(label: "Mes dossiers", url: .applications), .init(label: title, url: .application(id)),
                .init(label: "Suppression", url: nil),
            ],
            content: .group(
                .h1("Supprimer le brouillon ?"),
                .p(.text("Le brouillon « \(title) » et ses pièces seront supprimés définitivement.")),
                Forms.post(
                    action: SiteURL.applicationDelete(id).path,
                    .input(.type(.hidden), .name("confirmer"), .value("oui")),
                    .div(
                        .class("fr-btns-group fr-btns-group--inline-md"),
                        .button(.class("fr-btn"), .type(.submit), "Confirmer la suppression"),
                        .a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.application(id).path), "Annuler")))
            )
        ).render()
    }
}
