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

/// A page for the PDF printer: inline style only, so that it prints without the server.
struct PrintableDocument {
    var title: String
    var body: Node<HTML.BodyContext>

    static let style = """
        body { font-family: Marianne, Arial, sans-serif; color: #161616; margin: 2cm; font-size: 11pt; line-height: 1.5; }
        h1 { font-size: 20pt; margin: 0 0 .5em; } h2 { font-size: 13pt; margin-top: 1.5em; }
        dl { display: grid; grid-template-columns: 14em 1fr; gap: .3em 1em; } dt { font-weight: bold; } dd { margin: 0; }
        .fr-text--sm { font-size: 9pt; color: #3a3a3a; }
        """

    func render() -> String {
        "<!DOCTYPE html>"
            + HTML(
                .head(.meta(.charset(.utf8)), .title(title), .element(named: "style", text: Self.style)),
                .body(body)
            ).render()
    }
}

/// The decision letter for the applicant, printable. Signed by the party or parties that
/// decided; a refusal states its legal basis and the means of appeal.
struct DecisionLetterPage {
    var application: ApplicationDetail
    var call: CallSummary
    /// « SA.56985 (régime cadre temporaire…) »
    var regime: String

    func render() -> String {
        let a = application
        let date = a.decidedOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—"
        let laureate = a.state.isLaureate
        var parties: [(name: String, signatory: String, motivation: String)] = []
        if let d = a.stateDecision { parties.append(("État (préfecture de région)", "Le préfet de région", d.motivation)) }
        if let d = a.regionDecision { parties.append(("Région (conseil régional)", "Le président du conseil régional", d.motivation)) }
        return Page(
            title: "Décision \(a.reference ?? "")", section: .fund,
            breadcrumbs: [
                .init(label: "Mes dossiers", url: .applications), .init(label: a.reference ?? "", url: .application(a.id)),
                .init(label: "Courrier de décision", url: nil),
            ],
            content: .article(
                .class("ti-letter"),
                .p(.class("ti-letter__date"), .text("Le \(date)")),
                .p(.text("\(a.carrierName ?? "") — à l’attention du représentant légal")),
                .h1(.text("Objet : décision sur votre dossier \(a.reference ?? "")")),
                .p(.text("Madame, Monsieur,")),
                laureate
                    ? .p(
                        .text(
                            "Nous avons le plaisir de vous informer que votre projet « \(a.displayName) » est lauréat de l’appel « \(call.title) » du fonds d’accélération des investissements industriels dans les territoires. Une aide de \(a.aidTotal.formatted) vous est accordée, dont \(EuroCents(cents: a.aidStateCents).formatted) de l’État et \(EuroCents(cents: a.aidRegionCents).formatted) de la Région. Une convention précisant les conditions et l’échéancier des versements vous sera proposée."
                        ))
                    : .p(
                        .text(
                            "Après instruction et examen en comité, nous sommes au regret de vous informer que votre projet « \(a.displayName) » n’a pas été retenu au titre de l’appel « \(call.title) »."
                        )),
                .p(
                    .text("Base juridique : aide d’État accordée au titre du régime \(regime), dans le cadre de l’appel « \(call.title) ».")
                ),
                .h2(.class("fr-h5"), "Motivation"),
                .ul(.forEach(parties) { .li(.text("\($0.name) : \($0.motivation)")) }),
                .if(
                    !laureate,
                    .group(
                        .h2(.class("fr-h5"), "Voies et délais de recours"),
                        .p(
                            .text(
                                "Cette décision peut faire l’objet, dans un délai de deux mois à compter de sa notification, d’un recours gracieux auprès \(parties.map { "du " + $0.signatory.dropFirst("Le ".count) }.joined(separator: " et ")), ou d’un recours contentieux devant le tribunal administratif territorialement compétent, qui peut aussi être saisi par l’application Télérecours citoyens (www.telerecours.fr)."
                            )))),
                .p(.text("Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.")),
                .p(.class("ti-letter__sign"), .text(parties.map(\.signatory).joined(separator: " — ")))
            )
        ).render()
    }
}
