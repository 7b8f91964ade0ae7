import Foundation
import Plot
import TIDomain
import TIPersistence

/// « Mes webhooks »: the account's subscriptions, each with its latest deliveries and a
/// « Renvoyer » button per delivery. Subscriptions are created and deleted through the API.
struct WebhooksPage {
    struct Entry {
        var subscription: WebhookService.Subscription
        var deliveries: [WebhookService.Delivery]
        var total: Int
    }

    var entries: [Entry]
    var notice: String?

    func render() -> String {
        Page(
            title: "Mes webhooks", breadcrumbs: [.init(label: "Mon compte", url: .account), .init(label: "Webhooks", url: nil)],
            content: .group(
                .h1("Mes webhooks"),
                .p(
                    "Un webhook envoie à votre serveur (en HTTPS) les changements d’état, les décisions et les versements des dossiers que vous voyez. ",
                    "Créez et supprimez les abonnements avec l’API (", .code("POST /api/v1/webhooks"), ", voir ",
                    .a(.href(APIURL.openapi.path), "la documentation OpenAPI"), ") ; chaque livraison est signée (en-tête ",
                    .code("TI-Signature"), ") et retentée pendant 24 heures."),
                .unwrap(notice) { notice in
                    .div(
                        .class("fr-alert fr-alert--success fr-alert--sm fr-mb-4w"), .attribute(named: "role", value: "status"),
                        .p(.text(notice)))
                },
                .if(entries.isEmpty, .p(.class("fr-mt-4w"), "Vous n’avez encore aucun abonnement.")),
                .forEach(entries) { entry in
                    .section(
                        .class("fr-mt-6w"),
                        .h2(.text(entry.subscription.url)),
                        .p(
                            .text(
                                "Événements : \(entry.subscription.events.map(\.rawValue).joined(separator: ", ")) — \(entry.total) livraison\(entry.total > 1 ? "s" : "")"
                                    + (entry.total > entry.deliveries.count
                                        ? " (les \(entry.deliveries.count) plus récentes ci-dessous)" : "")
                                    + ".")),
                        Components.table(
                            caption: "Livraisons vers \(entry.subscription.url)",
                            header: ["Événement", "Dossier", "Créée le", "État", "Tentatives", "Dernière réponse", "Action"],
                            rows: entry.deliveries.map { row(entry.subscription, $0) }, empty: "Aucune livraison pour l’instant."))
                }
            )
        ).render()
    }

    func row(_ subscription: WebhookService.Subscription, _ d: WebhookService.Delivery) -> [Node<HTML.TableRowContext>] {
        let state =
            switch d.status {
            case .pending: "En attente"
            case .delivered: "Livrée"
            case .failed: "Abandonnée"
            }
        let answer = d.lastStatus.map { "HTTP \($0)" } ?? d.lastError ?? "—"
        return [
            .td(.code(.text(d.event))), Components.cell(String(d.applicationID.uuidString.prefix(8)).lowercased()),
            Components.cell(Self.time(d.createdEpoch)), Components.cell(state), Components.numberCell(d.attempts),
            Components.cell(answer),
            .td(
                .form(
                    .method(.post), .action(SiteURL.webhookRedeliver(subscription.id, d.id).path),
                    .input(.type(.hidden), .name("_csrf"), .value(PageContext.current.csrfToken)),
                    .button(
                        .class("fr-btn fr-btn--sm fr-btn--secondary"), .type(.submit),
                        .attribute(named: "aria-label", value: "Renvoyer la livraison \(d.id.uuidString.lowercased())"), "Renvoyer"))),
        ]
    }

    /// « 15/03/2021 12:00 », Paris time.
    static func time(_ epoch: Double) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/Paris")!, from: Date(timeIntervalSince1970: epoch))
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }
}
