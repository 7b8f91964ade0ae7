/// Where an application stands. The machine is in `ApplicationWorkflow`.
public enum ApplicationState: String, CaseIterable, Codable, Sendable {
    case draft, submitted
    case underReview = "under_review"
    case informationRequested = "information_requested"
    case reviewed
    case inCommittee = "in_committee"
    case laureate, rejected, withdrawn
    case agreementSigned = "agreement_signed"
    case paymentsInProgress = "payments_in_progress"
    case closed
    /// Closed by the reviewer before any decision: out of the call's scope or not admissible.
    case inadmissible

    public var label: String {
        switch self {
        case .draft: "Brouillon"
        case .submitted: "Déposé"
        case .underReview: "En instruction"
        case .informationRequested: "Compléments demandés"
        case .reviewed: "Instruit"
        case .inCommittee: "En comité"
        case .laureate: "Lauréat"
        case .rejected: "Rejeté"
        case .withdrawn: "Retiré"
        case .agreementSigned: "Convention signée"
        case .paymentsInProgress: "Versements en cours"
        case .closed: "Clos"
        case .inadmissible: "Irrecevable"
        }
    }

    /// DSFR badge flavour.
    public var badge: String {
        switch self {
        case .draft, .withdrawn: "new"
        case .submitted, .underReview, .reviewed, .inCommittee: "info"
        case .informationRequested: "warning"
        case .laureate, .agreementSigned, .paymentsInProgress, .closed: "success"
        case .rejected, .inadmissible: "error"
        }
    }

    /// Decided favourably: counted as a laureate from then on.
    public var isLaureate: Bool { [.laureate, .agreementSigned, .paymentsInProgress, .closed].contains(self) }

    /// Deposited and not yet decided: what the work queue shows by default (« à traiter »).
    public static let toProcess: [ApplicationState] = [.submitted, .underReview, .informationRequested, .reviewed, .inCommittee]

    /// Before the two-key decision: the applicant may still withdraw.
    public var isBeforeDecision: Bool { [.draft, .submitted, .underReview, .informationRequested, .reviewed, .inCommittee].contains(self) }

    /// The applicant may edit the content.
    public var isEditableByApplicant: Bool { self == .draft || self == .informationRequested }

    /// What the applicant is expected to do next, or what happens next.
    public var nextStep: String {
        switch self {
        case .draft: "Complétez votre dossier puis déposez-le."
        case .submitted: "Votre dossier va être pris en charge par Bpifrance pour instruction."
        case .underReview: "Bpifrance instruit votre dossier. Répondez aux messages éventuels."
        case .informationRequested: "Des compléments vous sont demandés : modifiez le dossier puis renvoyez-le."
        case .reviewed: "L’instruction est terminée ; le dossier sera présenté au comité régional."
        case .inCommittee: "L’État et la Région examinent votre dossier en comité."
        case .laureate: "Votre projet est lauréat. La convention va vous être proposée."
        case .rejected: "Votre dossier n’a pas été retenu. Le courrier de décision en donne les motifs."
        case .withdrawn: "Vous avez retiré ce dossier."
        case .agreementSigned: "La convention est signée ; les versements suivront l’échéancier."
        case .paymentsInProgress: "Les versements sont en cours ; déclarez le suivi des emplois et investissements."
        case .closed: "Le dossier est clos."
        case .inadmissible: "Votre dossier a été déclaré irrecevable ; le motif figure dans son historique."
        }
    }
}
