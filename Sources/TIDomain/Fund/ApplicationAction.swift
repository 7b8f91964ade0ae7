/// The application state machine: which action moves which state to which, and who may do it.
///
///     draft → submitted → under_review ⇄ information_requested
///     under_review → reviewed → in_committee → laureate | rejected   (two-key decision)
///     any state before the decision → withdrawn
///     laureate → agreement_signed → payments_in_progress → closed
///     laureate | rejected → in_committee   (reopened by an admin, with a reason)
public enum ApplicationAction: String, CaseIterable, Codable, Sendable {
    case submit
    case startReview = "start_review"
    case requestInformation = "request_information"
    case resubmit
    case completeReview = "complete_review"
    case sendToCommittee = "send_to_committee"
    case decideLaureate = "decide_laureate"
    case decideRejected = "decide_rejected"
    case withdraw
    case signAgreement = "sign_agreement"
    case startPayments = "start_payments"
    case close, reopen
    case declareInadmissible = "declare_inadmissible"

    /// Whether the action is a plain button (at most a reason): the others carry data of their
    /// own and go through their own form (deposit with its sworn statement, information request,
    /// the two-key decision, the signed agreement).
    public var isPlain: Bool {
        switch self {
        case .submit, .resubmit, .requestInformation, .decideLaureate, .decideRejected, .signAgreement: false
        case .startReview, .completeReview, .sendToCommittee, .withdraw, .startPayments, .close, .reopen, .declareInadmissible: true
        }
    }

    public var label: String {
        switch self {
        case .submit: "Dépôt"
        case .startReview: "Prise en charge"
        case .requestInformation: "Demande de compléments"
        case .resubmit: "Renvoi après compléments"
        case .completeReview: "Fin d’instruction"
        case .sendToCommittee: "Inscription en comité"
        case .decideLaureate: "Décision : lauréat"
        case .decideRejected: "Décision : rejet"
        case .withdraw: "Retrait"
        case .signAgreement: "Signature de la convention"
        case .startPayments: "Premier versement"
        case .close: "Clôture"
        case .reopen: "Réouverture de la décision"
        case .declareInadmissible: "Déclarer irrecevable"
        }
    }
}
