import Foundation
import Plot
import TIDomain
import TIPersistence

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
