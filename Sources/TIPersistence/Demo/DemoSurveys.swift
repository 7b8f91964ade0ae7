import FluentKit
import Foundation
import TIDomain

/// The two surveys of the three-year report (seed 003), closed, with answers built so that their
/// results are the published ones: 87 territories (76 % on collaboration between
/// intercommunalities), 142 laureates (72 % simple process, 88 % response time, 94 % later,
/// smaller or not at all, > 80 % know-how, 92 % create jobs, 17 FTE on average, 74 % of them CDI).
enum DemoSurveys {
    static let territoriesCloses = "2021-08-31"
    static let laureatesCloses = "2021-09-15"

    static let territoriesText = """
        ## Gouvernance & historique du territoire
        ? Votre binôme élu-industriel se réunit-il régulièrement ? [oui/non] *
        ? À quelle fréquence ? [choix]
        - Chaque mois
        - Chaque trimestre
        - Moins souvent
        si 1 = Oui
        ? Avant le programme, les intercommunalités du territoire menaient-elles une démarche industrielle commune ? [oui/non]

        ## L’offre de service et sa mobilisation par les territoires d’industrie
        ? Quelles offres des partenaires avez-vous mobilisées ? [choix multiple]
        - ADEME
        - Banque des Territoires
        - Bpifrance
        - Business France
        - Pôle emploi
        - Cnam
        ? Votre satisfaction quant à l’offre de services (1 : faible, 5 : forte) [échelle] *

        ## Apports et impacts du programme sur les territoires d’industrie
        ? Quels sont les principaux apports du programme pour votre territoire ? [choix multiple] *
        - Développement des collaborations entre les intercommunalités regroupées
        - Mises en relation entre les collectivités et les industriels
        - Échanges facilités sur les projets avec la Région, les services de l’État et les opérateurs
        - Maintien de l’activité industrielle
        - Développement des compétences
        - Accès facilité aux financements
        - Visibilité et attractivité du territoire
        = Développement des collaborations entre les intercommunalités regroupées : des territoires citent le développement des collaborations entre les intercommunalités regroupées
        ? Que faudrait-il améliorer ? [texte]
        """

    static let laureatesText = """
        ## Efficacité du dispositif
        ? Comment avez-vous trouvé le processus de candidature ? [choix] *
        - Simple
        - Plutôt simple
        - Plutôt complexe
        - Complexe
        = Simple | Plutôt simple : des lauréats ont trouvé le processus mis en place simple
        ? Le délai de réponse à votre candidature a été… [choix] *
        - Rapide
        - Convenable
        - Trop long
        = Rapide | Convenable : des lauréats ont trouvé le délai de réponse convenable ou rapide
        ? Sans le soutien du fonds, votre projet… [choix] *
        - Se serait réalisé à l’identique
        - Se serait réalisé plus tard
        - Se serait réalisé à moindre échelle
        - Ne se serait pas réalisé
        = Se serait réalisé plus tard | Se serait réalisé à moindre échelle | Ne se serait pas réalisé : des projets se seraient réalisés plus tard, à moindre échelle ou ne se seraient pas réalisés sans le soutien

        ## Impact des projets lauréats
        ? Votre projet porte-t-il sur le développement des savoir-faire de l’entreprise ? [oui/non] *
        = Oui : des projets lauréats portent sur le développement des savoir-faire de l’entreprise
        ? Votre projet crée-t-il des emplois ? [oui/non] *
        = Oui : des projets lauréats ont permis de créer de l’emploi
        ? Combien d’emplois (ETP) votre projet crée-t-il ? [nombre] *
        si 5 = Oui
        = moyenne : ETP créés en moyenne par les projets qui créent de l’emploi
        ? Combien de ces emplois seront en contrat à durée indéterminée ? [nombre]
        si 5 = Oui
        = part de 6 : des emplois créés le seront en contrat à durée indéterminée
        ? Votre satisfaction d’ensemble (1 : faible, 5 : forte) [échelle]
        ? Un commentaire ? [texte]
        """

    /// The answers of one question spread over `n` respondents: `counts` of each value in order,
    /// then nothing.
    static func spread(_ counts: [(String, Int)], over n: Int) -> [[String]] {
        var out: [[String]] = []
        for (value, count) in counts { out += Array(repeating: [value], count: count) }
        return out + Array(repeating: [], count: max(0, n - out.count))
    }

    /// Multiple choice: respondent i ticks option k when i is among the first `counts[k]` of a rotation.
    static func multiple(_ counts: [(String, Int)], over n: Int) -> [[String]] {
        var out = Array(repeating: [String](), count: n)
        for (k, (value, count)) in counts.enumerated() {
            for j in 0..<count { out[(j + k * 13) % n].append(value) }
        }
        return out
    }

    /// Numbers summing exactly to `total` over `n` respondents, varied around the mean.
    static func numbers(total: Int, over n: Int) -> [Int] {
        let pattern = [5, 8, 12, 15, 17, 20, 25, 30, 2, 36]
        var values = (0..<n).map { pattern[$0 % pattern.count] }
        var diff = total - values.reduce(0, +)
        var i = 0
        while diff != 0 {
            let step = diff > 0 ? 1 : -1
            if values[i % n] + step >= 1 {
                values[i % n] += step
                diff -= step
            }
            i += 1
        }
        return values
    }

    static func answers(_ columns: [String: [[String]]], respondent i: Int) -> SurveyAnswers {
        var a: SurveyAnswers = [:]
        for (key, column) in columns where i < column.count && !column[i].isEmpty { a[key] = column[i] }
        return a
    }

    static func territoriesAnswers() -> [SurveyAnswers] {
        let n = 87
        let columns: [String: [[String]]] = [
            "q1": spread([("Oui", 71), ("Non", 16)], over: n),
            "q2": spread([("Chaque mois", 22), ("Chaque trimestre", 38), ("Moins souvent", 11)], over: n),
            "q3": spread([("Oui", 35), ("Non", 44)], over: n),
            "q4": multiple(
                [
                    ("ADEME", 41), ("Banque des Territoires", 58), ("Bpifrance", 63), ("Business France", 27), ("Pôle emploi", 36),
                    ("Cnam", 19),
                ], over: n),
            "q5": spread([("4", 38), ("3", 29), ("5", 12), ("2", 8)], over: n),
            "q6": multiple(
                [
                    ("Développement des collaborations entre les intercommunalités regroupées", 66),
                    ("Mises en relation entre les collectivités et les industriels", 62),
                    ("Échanges facilités sur les projets avec la Région, les services de l’État et les opérateurs", 55),
                    ("Maintien de l’activité industrielle", 47),
                    ("Développement des compétences", 40),
                    ("Accès facilité aux financements", 31),
                    ("Visibilité et attractivité du territoire", 24),
                ], over: n),
            "q7": spread(
                [
                    ("Simplifier l’accès à l’offre de services des opérateurs.", 1),
                    ("Donner davantage de moyens d’ingénierie au chef de projet.", 1),
                ], over: n),
        ]
        return (0..<n).map { answers(columns, respondent: $0) }
    }

    static func laureatesAnswers() -> [SurveyAnswers] {
        let n = 142
        let creators = 131
        let jobs = numbers(total: 2_227, over: creators)
        var cdi = jobs.map { Int((Double($0) * 0.74).rounded()) }
        var diff = 1_648 - cdi.reduce(0, +)
        var i = 0
        while diff != 0 {
            let step = diff > 0 ? 1 : -1
            if cdi[i % creators] + step >= 0 && cdi[i % creators] + step <= jobs[i % creators] {
                cdi[i % creators] += step
                diff -= step
            }
            i += 1
        }
        let columns: [String: [[String]]] = [
            "q1": spread([("Simple", 40), ("Plutôt simple", 62), ("Plutôt complexe", 30), ("Complexe", 10)], over: n),
            "q2": spread([("Rapide", 45), ("Convenable", 80), ("Trop long", 17)], over: n),
            "q3": spread(
                [
                    ("Se serait réalisé plus tard", 58), ("Se serait réalisé à moindre échelle", 47), ("Ne se serait pas réalisé", 28),
                    ("Se serait réalisé à l’identique", 9),
                ], over: n),
            "q4": spread([("Oui", 117), ("Non", 25)], over: n),
            "q5": spread([("Oui", creators), ("Non", n - creators)], over: n),
            "q6": jobs.map { [String($0)] },
            "q7": cdi.map { [String($0)] },
            "q8": spread([("4", 61), ("5", 44), ("3", 29), ("2", 8)], over: n),
            "q9": spread([("Un dispositif rapide et lisible, à reconduire.", 1)], over: n),
        ]
        return (0..<n).map { answers(columns, respondent: $0) }
    }

    static func questionnaire(_ text: String) -> Questionnaire {
        guard case .success(let q) = QuestionnaireText.parse(text) else { fatalError("demo questionnaire does not parse") }
        return q
    }

    /// Writes both campaigns: invitations to every TI's project lead (146) and to the laureates
    /// decided by the laureates' survey's closing, of whom the first in each région answered.
    static func write(territories: [(id: String, region: String?)], on db: any Database, now: Date) async throws {
        let laureates = try await FundApplication.query(on: db).all()
            .filter { $0.state.isLaureate && ($0.decidedOn ?? "9999") <= "2021-07-31" }
            .sorted { ($0.reference ?? "") < ($1.reference ?? "") }
        let territoryInvitations = territories.map { t in
            (email: "chef-de-projet.\(t.id.lowercased())@demo.ti.local", name: "Chef de projet \(t.id)", region: t.region)
        }
        let laureateInvitations = laureates.map { a in
            (
                email: "laureat.\((a.reference ?? a.id!.uuidString).lowercased())@demo.ti.local", name: a.carrierName ?? "Lauréat",
                region: a.regionCode
            )
        }
        try await write(
            title: "Retour d’expérience des Territoires d’industrie (été 2021)",
            introduction:
                "Cette enquête évalue la mise en place des plans d’actions et la mobilisation de l’offre de services, et identifie les principaux apports du programme dans les territoires.",
            text: territoriesText, population: .territories, closes: territoriesCloses, invitations: territoryInvitations,
            answers: territoriesAnswers(), on: db, now: now)
        try await write(
            title: "Enquête auprès des lauréats du fonds d’accélération",
            introduction:
                "Cette enquête évalue l’action et l’impact du fonds : la nature des entreprises lauréates, l’impact de l’aide sur leur projet et l’ancrage territorial et social du projet aidé.",
            text: laureatesText, population: .laureates, closes: laureatesCloses, invitations: laureateInvitations,
            answers: laureatesAnswers(), on: db, now: now)
    }

    static func write(
        title: String, introduction: String, text: String, population: SurveyPopulation, closes: String,
        invitations: [(email: String, name: String, region: String?)], answers: [SurveyAnswers], on db: any Database, now: Date
    ) async throws {
        let campaign = SurveyCampaign()
        campaign.id = UUID()
        campaign.title = title
        campaign.introduction = introduction
        campaign.questionnaireJSON = SurveyCampaign.json(questionnaire(text))
        campaign.population = population
        campaign.closesOn = closes
        campaign.createdEpoch = now.timeIntervalSince1970
        campaign.launchedEpoch = now.timeIntervalSince1970
        try await campaign.create(on: db)
        // Respondents taken in turn across the régions, so every région has some.
        let byRegion = Dictionary(grouping: invitations.indices) { invitations[$0].region ?? "" }
        var order: [Int] = []
        var queues = byRegion.keys.sorted().map { byRegion[$0]! }
        while order.count < invitations.count {
            for k in queues.indices where !queues[k].isEmpty { order.append(queues[k].removeFirst()) }
        }
        let answering = Dictionary(uniqueKeysWithValues: order.prefix(answers.count).enumerated().map { ($1, $0) })
        let closing = try CivilDate(parsing: closes)
        var records: [SurveyInvitation] = []
        for (i, inv) in invitations.enumerated() {
            let record = SurveyInvitation(
                campaign: campaign.id!, tokenHash: "demo-\(campaign.id!.uuidString)-\(i)", email: inv.email, name: inv.name,
                region: inv.region)
            record.sentEpoch = now.timeIntervalSince1970
            if let k = answering[i] {
                record.answersJSON = SurveyInvitation.json(answers[k])
                let day = try CivilDate(year: closing.year, month: closing.month, day: max(1, closing.day - k % 20))
                record.submittedOn = day.iso
                record.submittedEpoch = now.timeIntervalSince1970
                record.savedEpoch = now.timeIntervalSince1970
            }
            records.append(record)
        }
        for chunk in stride(from: 0, to: records.count, by: 200) {
            for r in records[chunk..<min(chunk + 200, records.count)] { try await r.create(on: db) }
        }
    }
}
