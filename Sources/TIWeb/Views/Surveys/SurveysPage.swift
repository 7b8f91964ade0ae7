import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/admin/enquetes`: the campaigns, and the form that creates one (admins).
struct SurveysPage {
    var campaigns: [SurveyQueries.CampaignSummary]
    var calls: [(id: String, title: String)]
    var today: CivilDate
    var form = SurveyService.Draft()
    var errors: [String: String] = [:]

    static let fields: [(name: String, label: String)] = [
        ("titre", "Titre"), ("introduction", "Introduction"), ("questionnaire", "Questionnaire"), ("population", "Population"),
        ("appel", "Appel"), ("du", "Décidés à partir du"), ("au", "Décidés jusqu’au"), ("cloture", "Clôture"),
    ]

    static let example = """
        ## Gouvernance
        ? Votre binôme élu-industriel se réunit-il régulièrement ? [oui/non] *
        ? À quelle fréquence ? [choix]
        - Chaque mois
        - Chaque trimestre
        si 1 = Oui
        ? Votre satisfaction (1 à 5) [échelle]
        ? Combien d’emplois votre projet crée-t-il ? [nombre]
        ? Quels apports ? [choix multiple]
        - Collaborations
        - Financements
        ? Un commentaire ? [texte]
        """

    func render() -> String {
        Page(
            title: "Enquêtes",
            breadcrumbs: [.init(label: "Enquêtes", url: nil)],
            content: .group(
                .h1("Enquêtes"),
                .p(
                    .class("fr-text--lead"),
                    "Un questionnaire envoyé aux territoires ou aux lauréats : chacun reçoit un lien personnel par courriel, sans compte, valable jusqu’à la clôture."
                ),
                Components.table(
                    caption: "Campagnes", header: ["Enquête", "Population", "Clôture", "Invités", "Réponses", "Taux de réponse", "État"],
                    rows: campaigns.map { c in
                        [
                            Components.linkCell(c.title, .survey(c.id)), Components.cell(c.population.label),
                            Components.cell(c.closesOn?.french ?? "—"), Components.numberCell(c.invited),
                            Components.numberCell(c.submitted),
                            Components.cell(c.invited == 0 ? "—" : FrenchNumber.percent(Double(c.submitted) / Double(c.invited))),
                            Components.cell(
                                !c.launched ? "À envoyer" : c.isOpen(today: today) ? "En cours" : "Close"),
                        ]
                    }, numericColumns: [3, 4, 5], empty: "Aucune enquête pour l’instant : créez la première ci-dessous."),
                .h2(.id("nouvelle"), "Nouvelle enquête"),
                .if(!errors.isEmpty, Forms.errorSummary(errors, fields: Self.fields)),
                .div(.class("ti-narrow"), form(f: form)))
        )
        .render()
    }

    func form(f: SurveyService.Draft) -> Node<HTML.BodyContext> {
        Forms.post(
            action: SiteURL.surveys.path,
            Forms.field("titre", label: "Titre", value: f.title, error: errors["titre"]),
            .div(
                .class("fr-input-group" + (errors["introduction"] == nil ? "" : " fr-input-group--error")),
                .label(
                    .class("fr-label"), .for("champ-introduction"), "Introduction",
                    .span(.class("fr-hint-text"), "Ce que l’enquête cherche à savoir, montré en tête du questionnaire.")),
                .textarea(
                    .class("fr-input"), .id("champ-introduction"), .name("introduction"), .attribute(named: "rows", value: "3"),
                    .text(f.introduction)),
                .unwrap(errors["introduction"]) { .p(.class("fr-error-text"), .text($0)) }),
            .div(
                .class("fr-input-group" + (errors["questionnaire"] == nil ? "" : " fr-input-group--error")),
                .label(
                    .class("fr-label"), .for("champ-questionnaire"), "Questionnaire",
                    .span(
                        .class("fr-hint-text"),
                        "Une ligne par élément : « ## » ouvre un thème, « ? » une question avec son type entre crochets — choix, choix multiple, échelle (1 à 5), nombre, oui/non, texte — et « * » si elle est obligatoire ; « - » une option ; « si N = réponse » n’affiche la question que si la question N a reçu cette réponse."
                    )),
                .textarea(
                    .class("fr-input ti-code"), .id("champ-questionnaire"), .name("questionnaire"),
                    .attribute(named: "rows", value: "14"), .attribute(named: "placeholder", value: Self.example),
                    .text(f.questionnaire)),
                .unwrap(errors["questionnaire"]) { .p(.class("fr-error-text"), .text($0)) }),
            Forms.select(
                "population", label: "Population interrogée",
                options: SurveyPopulation.allCases.map { ($0.rawValue, $0.label) }, selected: f.population, error: errors["population"]),
            Forms.select(
                "appel", label: "Lauréats de l’appel (population « lauréats » ; facultatif)",
                options: [("", "Tous les appels")] + calls.map { ($0.id, $0.title) }, selected: f.call, error: errors["appel"]),
            Forms.field(
                "du", label: "Lauréats décidés à partir du (facultatif)", type: .date, value: f.from, error: errors["du"], required: false),
            Forms.field(
                "au", label: "Lauréats décidés jusqu’au (facultatif)", type: .date, value: f.to, error: errors["au"], required: false),
            Forms.field(
                "cloture", label: "Date de clôture", type: .date, value: f.closesOn,
                hint: "Dernier jour où les réponses sont reçues ; les liens ne servent plus ensuite.", error: errors["cloture"]),
            Forms.submit("Créer l’enquête"))
    }
}

/// The campaign form as posted.
struct SurveyForm: Codable, Sendable {
    var titre: String?
    var introduction: String?
    var questionnaire: String?
    var population: String?
    var appel: String?
    var du: String?
    var au: String?
    var cloture: String?

    var draft: SurveyService.Draft {
        var d = SurveyService.Draft()
        d.title = titre ?? ""
        d.introduction = introduction ?? ""
        d.questionnaire = questionnaire ?? ""
        d.population = population ?? ""
        d.call = appel ?? ""
        d.from = du ?? ""
        d.to = au ?? ""
        d.closesOn = cloture ?? ""
        return d
    }
}
