import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/enquete/{token}`: a respondent's personal questionnaire (no account). Conditional questions
/// are all shown, each saying when it applies; answers to one that does not apply are dropped.
struct SurveyAnswerPage {
    enum State { case open, submitted, closed, justSaved }

    var invitation: SurveyQueries.Invitation
    var token: String
    var state: State
    /// The answers shown (as typed after a refused post).
    var answers: SurveyAnswers
    var errors: [String: String] = [:]

    var questionnaire: Questionnaire { invitation.campaign.questionnaire }

    func render() -> String {
        let c = invitation.campaign
        return Page(
            title: c.title,
            content: .div(
                .class("ti-narrow ti-survey"),
                .h1(.text(c.title)),
                .p(.class("fr-text--lead"), .text(c.introduction)),
                body)
        )
        .render()
    }

    var body: Node<HTML.BodyContext> {
        let c = invitation.campaign
        switch state {
        case .submitted:
            return Forms.alert("success", title: "Merci, votre réponse est enregistrée.", text: "Vous avez déjà répondu à cette enquête.")
        case .closed:
            return Forms.alert(
                "info", title: "Cette enquête est close.",
                text: "Les réponses étaient reçues jusqu’au \(c.closesOn?.french ?? "—"). Merci de votre intérêt.")
        case .open, .justSaved:
            return .group(
                .if(
                    state == .justSaved,
                    Forms.alert(
                        "success", title: "Vos réponses sont enregistrées.",
                        text:
                            "Revenez quand vous voulez avec le même lien, jusqu’au \(c.closesOn?.french ?? "—"), pour compléter et envoyer."
                    )),
                .div(
                    .class("fr-callout fr-mb-3w"),
                    .p(
                        .class("fr-callout__text fr-text--sm"),
                        .text(
                            "Vos réponses sont anonymes : les résultats ne sont publiés qu’agrégés, et aucun regroupement (par région) n’est montré en dessous de \(SurveyResults.minimumGroup) répondants. Réponses reçues jusqu’au \(c.closesOn?.french ?? "—"). Les questions marquées d’un astérisque (*) sont obligatoires pour envoyer."
                        ))),
                .if(!errors.isEmpty, Forms.errorSummary(errors, fields: fields)),
                Forms.post(
                    action: SiteURL.surveyAnswer(token).path,
                    .forEach(questionnaire.questions.enumerated()) { i, q in question(q, number: i + 1) },
                    .ul(
                        .class("fr-btns-group fr-btns-group--inline-md"),
                        .li(
                            .button(
                                .class("fr-btn"), .type(.submit), .name("action"), .value("envoyer"), .text("Envoyer mes réponses"))),
                        .li(
                            .button(
                                .class("fr-btn fr-btn--secondary"), .type(.submit), .name("action"), .value("enregistrer"),
                                .text("Enregistrer et reprendre plus tard"))))))
        }
    }

    var fields: [(name: String, label: String)] {
        questionnaire.questions.enumerated().map { ("q_\($1.key)", "Question \($0 + 1)") }
    }

    func question(_ q: SurveyQuestion, number: Int) -> Node<HTML.FormContext> {
        let id = "champ-q_\(q.key)"
        let error = errors["q_\(q.key)"]
        let values = answers[q.key] ?? []
        let label = "\(number). \(q.prompt)\(q.required ? " *" : "")"
        let condition: String? = q.showIf.flatMap { c in
            questionnaire.questions.firstIndex { $0.key == c.question }.map { target in
                "À remplir seulement si vous avez répondu « \(c.values.joined(separator: " » ou « ")) » à la question \(target + 1)."
            }
        }
        let sectionTitle: Node<HTML.FormContext> = .unwrap(q.section) { .h2(.class("fr-h4 fr-mt-5w"), .text($0)) }
        switch q.kind {
        case .single, .multiple, .scale, .yesNo:
            let multiple = q.kind == .multiple
            let choices = q.choices ?? []
            return .group(
                sectionTitle,
                .fieldset(
                    .class("fr-fieldset" + (error == nil ? "" : " fr-fieldset--error")), .id(id),
                    .attribute(named: "aria-labelledby", value: "\(id)-legende"),
                    .element(
                        named: "legend",
                        nodes: [
                            .attribute(named: "class", value: "fr-fieldset__legend"), .attribute(named: "id", value: "\(id)-legende"),
                            .text(label),
                            .unwrap(condition ?? (multiple ? "Plusieurs réponses possibles." : nil)) {
                                .span(.class("fr-hint-text"), .text($0))
                            },
                        ]),
                    .forEach(choices.enumerated()) { k, choice in
                        let optionID = "\(id)-\(k)"
                        var attributes: [Attribute<HTML.InputContext>] = [
                            .type(multiple ? .checkbox : .radio), .id(optionID), .name("q_\(q.key)"), .value(choice),
                        ]
                        if values.contains(choice) { attributes.append(.attribute(named: "checked", value: "checked")) }
                        let text = q.kind == .scale ? scaleLabel(choice) : choice
                        return .div(
                            .class("fr-fieldset__element" + (q.kind == .scale || q.kind == .yesNo ? " fr-fieldset__element--inline" : "")),
                            .div(
                                .class(multiple ? "fr-checkbox-group" : "fr-radio-group"),
                                .selfClosedElement(named: "input", attributes: attributes),
                                .label(.class("fr-label"), .for(optionID), .text(text))))
                    },
                    .unwrap(error) { .p(.class("fr-error-text"), .id("\(id)-erreur"), .text($0)) }))
        case .number:
            return .group(
                sectionTitle,
                Forms.field(
                    "q_\(q.key)", label: label, type: .text, value: values.first ?? "", hint: condition ?? "Un nombre entier.",
                    error: error,
                    required: q.required, id: id))
        case .text:
            return .group(
                sectionTitle,
                .div(
                    .class("fr-input-group" + (error == nil ? "" : " fr-input-group--error")),
                    .label(
                        .class("fr-label"), .for(id), .text(label),
                        .span(
                            .class("fr-hint-text"), .text(condition ?? "Au plus \(FrenchNumber.grouped(Questionnaire.maxText)) caractères.")
                        )),
                    .textarea(
                        .class("fr-input"), .id(id), .name("q_\(q.key)"), .attribute(named: "rows", value: "4"), .text(values.first ?? "")),
                    .unwrap(error) { .p(.class("fr-error-text"), .text($0)) }))
        }
    }

    func scaleLabel(_ value: String) -> String {
        switch value {
        case "1": "1 (faible)"
        case "5": "5 (forte)"
        default: value
        }
    }
}
