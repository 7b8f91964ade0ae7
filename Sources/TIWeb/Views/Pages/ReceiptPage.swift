import Foundation
import Plot
import TIDomain
import TIPersistence

/// The deposit receipt (accusé de dépôt): on screen, and as the document the server prints to PDF.
struct ReceiptPage {
    var application: ApplicationDetail
    var call: CallSummary
    var depositedAt: Double?
    var place: CommuneResolution?
    var files: [ApplicationFile.Document]

    /// « 3 décembre 2026 à 14 h 05 » (Paris time).
    var depositLine: String {
        guard let depositedAt else { return application.submittedOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—" }
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/Paris")!, from: Date(timeIntervalSince1970: depositedAt))
        let day = (try? CivilDate(year: c.year!, month: c.month!, day: c.day!).french) ?? "—"
        return "\(day) à \(c.hour!) h \(String(format: "%02d", c.minute!)) (heure de Paris)"
    }

    var body: Node<HTML.BodyContext> {
        let a = application
        return .article(
            .class("ti-letter"),
            .h1("Accusé de dépôt"),
            .p(.text("Fonds d’accélération des investissements industriels dans les territoires — \(call.title)")),
            .dl(
                .class("ti-definitions"),
                .dt("Référence"), .dd(.strong(.text(a.reference ?? ""))),
                .dt("Déposé le"), .dd(.text(depositLine)),
                .dt("Porteur"),
                .dd(.text("\(a.carrierName ?? "") — SIREN \(Siren(a.organisationSiren)?.formatted ?? a.organisationSiren)")),
                .dt("Projet"), .dd(.text(a.displayName)),
                .dt("Site"),
                .dd(
                    .text(
                        place.map { "\($0.commune.name) (\($0.commune.code)), \($0.departement.name), \($0.region.name)" }
                            ?? (a.communeCode ?? "—"))),
                .dt("Investissement prévu"), .dd(.text(EuroCents(cents: a.investmentTotalCents).formatted)),
                .dt("Aide demandée"), .dd(.text(a.requestedAidCents.map { EuroCents(cents: $0).formatted } ?? "—"))),
            .h2(.class("fr-h5"), "Pièces jointes au dépôt"),
            files.isEmpty
                ? .p("Aucune pièce jointe.")
                : .ul(.forEach(files) { .li(.text("\($0.filename) (\($0.sizeLabel))" + ($0.document.map { " — \($0)" } ?? ""))) }),
            .p(
                "Votre dossier a bien été reçu. Il sera instruit par Bpifrance, qui pourra vous demander des compléments, puis présenté au comité réunissant la préfecture de région et le conseil régional. Le dépôt ne vaut pas engagement de l’État ni de la Région."
            ),
            .p(.class("fr-text--sm"), "Conservez cet accusé : la référence est à rappeler dans tout échange."))
    }

    func render() -> String {
        let a = application
        return Page(
            title: "Accusé de dépôt \(a.reference ?? "")", section: .fund,
            breadcrumbs: [
                .init(label: "Mes dossiers", url: .applications), .init(label: a.reference ?? "", url: .application(a.id)),
                .init(label: "Accusé de dépôt", url: nil),
            ],
            content: .group(
                body,
                .p(
                    .a(
                        .class("fr-link fr-icon-download-line fr-link--icon-left"),
                        .href(SiteURL.applicationReceiptPDF(a.id).path),
                        "Télécharger l’accusé de dépôt (PDF)")))
        ).render()
    }

    /// A self-contained document (inline style, no asset) for the PDF printer.
    func printable() -> String {
        PrintableDocument(title: "Accusé de dépôt \(application.reference ?? "")", body: body).render()
    }
}
