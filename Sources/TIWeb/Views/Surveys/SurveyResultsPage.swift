import Foundation
import Plot
import TIDomain
import TIGeo
import TIPersistence

/// `/enquetes/{id}`: a campaign's response rate and results per question (chart and table), for
/// admins (all answers, free texts, sending and reminders) and the Régions (their régions'
/// respondents, never under the anonymity threshold, no free text).
struct SurveyResultsPage {
    var campaign: SurveyQueries.CampaignSummary
    /// nil when the scope has fewer respondents than the threshold.
    var results: SurveyResults?
    var invitedInScope: Int
    var respondentsInScope: Int
    var regions: [(name: String, respondents: Int)]
    var scopeLabel: String
    var isAdmin: Bool
    var today: CivilDate
    var notice: String? = nil

    func render() -> String {
        let c = campaign
        let open = c.isOpen(today: today)
        return Page(
            title: c.title,
            breadcrumbs: (isAdmin ? [.init(label: "Enquêtes", url: .surveys)] : []) + [.init(label: c.title, url: nil)],
            content: .group(
                .h1(.text(c.title)),
                .p(.class("fr-text--lead"), .text(c.introduction)),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                Components.figures([
                    .init(value: FrenchNumber.grouped(invitedInScope), label: "personnes invitées", note: scopeLabel),
                    .init(value: FrenchNumber.grouped(respondentsInScope), label: "réponses envoyées"),
                    .init(
                        value: invitedInScope == 0 ? "—" : FrenchNumber.percent(Double(respondentsInScope) / Double(invitedInScope)),
                        label: "taux de réponse"),
                    .init(
                        value: c.closesOn?.french ?? "—", label: open ? "clôture des réponses" : "enquête close le",
                        note: c.population.label),
                ]),
                .if(isAdmin && open, actions),
                .if(isAdmin && !open, .p(.class("fr-text--sm"), "L’enquête est close : les liens ne permettent plus de répondre.")),
                resultsBlock)
        )
        .render()
    }

    var actions: Node<HTML.BodyContext> {
        .div(
            .class("fr-mb-4w"),
            .h2(.class("fr-h4"), "Envoi"),
            .p(
                .class("fr-text--sm"),
                .text(
                    campaign.launched
                        ? "\(FrenchNumber.grouped(campaign.invited)) invitations envoyées ; \(FrenchNumber.grouped(campaign.started)) réponses commencées mais pas encore envoyées."
                        : "Aucune invitation n’est encore partie.")),
            .ul(
                .class("fr-btns-group fr-btns-group--inline-md"),
                .li(
                    Forms.post(
                        action: SiteURL.surveyLaunch(campaign.id).path,
                        Forms.submit(campaign.launched ? "Inviter les nouveaux destinataires" : "Envoyer les invitations"))),
                .if(
                    campaign.launched,
                    .li(
                        Forms.post(
                            action: SiteURL.surveyRemind(campaign.id).path,
                            Forms.submit("Relancer ceux qui n’ont pas répondu", secondary: true)))
                )))
    }

    var resultsBlock: Node<HTML.BodyContext> {
        guard let results else {
            return Forms.alert(
                "info", title: "Résultats non affichés",
                text:
                    "Moins de \(SurveyResults.minimumGroup) réponses dans votre périmètre (\(scopeLabel)) : les résultats ne sont pas montrés, pour préserver l’anonymat des répondants."
            )
        }
        return .group(
            .h2("Résultats"),
            .p(
                .class("fr-text--sm"),
                .text(
                    "Chaque part est calculée sur les répondants qui ont répondu à la question (indiqué sous chaque graphique). Périmètre : \(scopeLabel)."
                )),
            .p(
                .a(
                    .class("fr-link fr-icon-download-line fr-link--icon-left"), .href(SiteURL.surveyCSV(campaign.id).path),
                    "Télécharger les réponses (CSV)")),
            .if(!highlights(results).isEmpty, Components.figures(highlights(results))),
            .if(
                !regions.isEmpty,
                Components.table(
                    caption: "Répondants par région (groupes d’au moins \(SurveyResults.minimumGroup) répondants)",
                    header: ["Région", "Répondants"],
                    rows: regions.map { [Components.cell($0.name), Components.numberCell($0.respondents)] }, numericColumns: [1])),
            .forEach(results.questions.enumerated()) { i, q in question(q, number: i + 1) })
    }

    func highlights(_ results: SurveyResults) -> [Components.Figure] {
        results.highlights(campaign.questionnaire).map { Self.figure($0.highlight, value: $0.value, over: $0.over) }
    }

    /// A key figure as the results page and the report show it.
    static func figure(_ h: SurveyQuestion.Highlight, value: Double, over: Int) -> Components.Figure {
        switch h.measure {
        case .mean:
            .init(value: FrenchNumber.decimal(value, digits: 0), label: h.label, note: "sur \(FrenchNumber.grouped(over)) répondants")
        case .share: .init(value: FrenchNumber.percent(value), label: h.label, note: "sur \(FrenchNumber.grouped(over)) répondants")
        case .shareOfTotal: .init(value: FrenchNumber.percent(value), label: h.label, note: "sur \(FrenchNumber.grouped(over)) au total")
        }
    }

    func question(_ q: QuestionResult, number: Int) -> Node<HTML.BodyContext> {
        let title = "\(number). \(q.prompt)"
        let answered = "\(Components.plural(q.answered, "répondant", "répondants")) à cette question"
        switch q.kind {
        case .text:
            return .div(
                .class("ti-chart"),
                .h3(.class("fr-h5"), .text(title)),
                .p(.class("fr-text--sm"), .text(answered)),
                isAdmin
                    ? .ul(.forEach(q.texts.prefix(200)) { .li(.text($0)) })
                    : .p(.class("fr-text--sm"), "Les réponses libres ne sont consultables que par l’administration nationale."))
        case .number:
            return .div(
                .class("ti-chart"),
                .h3(.class("fr-h5"), .text(title)),
                Components.figures([
                    .init(value: FrenchNumber.grouped(q.sum ?? 0), label: "au total"),
                    .init(value: q.mean.map { FrenchNumber.decimal($0, digits: 1) } ?? "—", label: "en moyenne", note: answered),
                ]))
        default:
            let data = q.choices.map { choice in
                ChartDatum(
                    label: choice.label, value: q.answered == 0 ? 0 : Double(choice.count) / Double(q.answered),
                    display: q.answered == 0 ? "—" : FrenchNumber.percent(Double(choice.count) / Double(q.answered)))
            }
            let svg = SVGChart.horizontalBars(
                title: title, description: "Part des répondants pour chaque réponse", data: data, idPrefix: "q-\(q.key)",
                source: "Source : \(campaign.title), \(answered)",
                note: q.kind == .multiple ? "Plusieurs réponses possibles : les parts ne s’additionnent pas." : nil)
            return .div(
                .class("ti-chart"),
                .raw(svg),
                .element(
                    named: "details",
                    nodes: [
                        .class("ti-details"), .element(named: "summary", text: "Voir les données du graphique"),
                        Components.table(
                            caption: title, header: ["Réponse", "Répondants", "Part"],
                            rows: q.choices.map { choice in
                                [
                                    Components.cell(choice.label), Components.numberCell(choice.count),
                                    Components.cell(
                                        q.answered == 0 ? "—" : FrenchNumber.percent(Double(choice.count) / Double(q.answered))),
                                ]
                            }, numericColumns: [1, 2]),
                    ]))
        }
    }
}
