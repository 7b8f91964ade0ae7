import Plot
import TIDomain
import TIPersistence

/// The deposit receipt (accusé de dépôt), printable.
struct ReceiptPage {
    var application: FundApplication
    var call: FundCall

    func render() -> String {
        let a = application
        let date = a.submittedOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—"
        return Page(title: "Accusé de dépôt \(a.reference ?? "")", section: .fund,
                    breadcrumbs: [.init(label: "Mes dossiers", url: .applications), .init(label: a.reference ?? "", url: .application(a.id!.uuidString)),
                                  .init(label: "Accusé de dépôt", url: nil)],
                    content: .article(
                        .class("ti-letter"),
                        .h1("Accusé de dépôt"),
                        .p(.text("Fonds d’accélération des investissements industriels dans les territoires — \(call.title)")),
                        .dl(.class("ti-definitions"),
                            .dt("Référence"), .dd(.strong(.text(a.reference ?? ""))),
                            .dt("Déposé le"), .dd(.text(date)),
                            .dt("Porteur"), .dd(.text("\(a.carrierName ?? "") — SIREN \(Siren(a.organisationSiren)?.formatted ?? a.organisationSiren)")),
                            .dt("Projet"), .dd(.text(a.displayName)),
                            .dt("Investissement prévu"), .dd(.text(EuroCents(cents: a.investmentTotalCents).formatted)),
                            .dt("Aide demandée"), .dd(.text(a.requestedAidCents.map { EuroCents(cents: $0).formatted } ?? "—"))),
                        .p("Votre dossier a bien été reçu. Il sera instruit par Bpifrance, qui pourra vous demander des compléments, puis présenté au comité réunissant la préfecture de région et le conseil régional. Le dépôt ne vaut pas engagement de l’État ni de la Région."),
                        .p(.class("fr-text--sm"), "Conservez cet accusé : la référence est à rappeler dans tout échange.")
                    )).render()
    }
}

/// The decision letter for the applicant, printable.
struct DecisionLetterPage {
    var application: FundApplication
    var call: FundCall

    func render() -> String {
        let a = application
        let date = a.decidedOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—"
        let laureate = a.state.isLaureate
        return Page(title: "Décision \(a.reference ?? "")", section: .fund,
                    breadcrumbs: [.init(label: "Mes dossiers", url: .applications), .init(label: a.reference ?? "", url: .application(a.id!.uuidString)),
                                  .init(label: "Courrier de décision", url: nil)],
                    content: .article(
                        .class("ti-letter"),
                        .p(.class("ti-letter__date"), .text("Le \(date)")),
                        .p(.text("\(a.carrierName ?? "") — à l’attention du représentant légal")),
                        .h1(.text("Objet : décision sur votre dossier \(a.reference ?? "")")),
                        .p(.text("Madame, Monsieur,")),
                        laureate
                            ? .p(.text("Nous avons le plaisir de vous informer que votre projet « \(a.displayName) » est lauréat de l’appel « \(call.title) » du fonds d’accélération des investissements industriels dans les territoires. Une aide de \(a.aidTotal.formatted) vous est accordée, dont \(EuroCents(cents: a.aidStateCents).formatted) de l’État et \(EuroCents(cents: a.aidRegionCents).formatted) de la Région. Une convention précisant les conditions et l’échéancier des versements vous sera proposée."))
                            : .p(.text("Après instruction et examen en comité, nous sommes au regret de vous informer que votre projet « \(a.displayName) » n’a pas été retenu au titre de l’appel « \(call.title) »." )),
                        .h2(.class("fr-h5"), "Motivation"),
                        .ul(.li(.text("État (préfecture de région) : \(a.stateMotivation ?? "—")")),
                            .li(.text("Région (conseil régional) : \(a.regionMotivation ?? "—")"))),
                        .if(!laureate, .p("Vous pouvez former un recours gracieux auprès du préfet de région ou du président du conseil régional dans un délai de deux mois.")),
                        .p(.text("Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.")),
                        .p(.class("ti-letter__sign"), "Le préfet de région — Le président du conseil régional")
                    )).render()
    }
}
