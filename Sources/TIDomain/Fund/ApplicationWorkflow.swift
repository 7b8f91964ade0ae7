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

public enum ApplicationWorkflow {
    /// Target state of an action from a state, or nil when the action is not possible there.
    public static func target(of action: ApplicationAction, from state: ApplicationState) -> ApplicationState? {
        switch (action, state) {
        case (.submit, .draft): .submitted
        case (.startReview, .submitted): .underReview
        case (.requestInformation, .underReview): .informationRequested
        case (.resubmit, .informationRequested): .underReview
        case (.completeReview, .underReview): .reviewed
        case (.sendToCommittee, .reviewed): .inCommittee
        case (.decideLaureate, .inCommittee): .laureate
        case (.decideRejected, .inCommittee): .rejected
        case (.withdraw, let s) where s.isBeforeDecision: .withdrawn
        case (.signAgreement, .laureate): .agreementSigned
        case (.startPayments, .agreementSigned): .paymentsInProgress
        case (.close, .paymentsInProgress): .closed
        case (.reopen, .laureate), (.reopen, .rejected): .inCommittee
        case (.declareInadmissible, .submitted), (.declareInadmissible, .underReview): .inadmissible
        default: nil
        }
    }

    /// Roles that may perform an action (scope is checked separately).
    public static func roles(for action: ApplicationAction) -> Set<Role> {
        switch action {
        case .submit, .resubmit: [.applicant]
        case .withdraw: [.applicant, .admin]
        case .startReview, .requestInformation, .completeReview, .declareInadmissible: [.reviewer, .admin]
        case .sendToCommittee: [.reviewer, .admin]
        // The two keys are recorded with `TwoKeyDecision`; the resulting move is made by the system.
        case .decideLaureate, .decideRejected: [.prefecture, .region]
        case .signAgreement, .startPayments, .close: [.admin, .region, .prefecture]
        case .reopen: [.admin]
        }
    }

    /// Checks an action; French message when refused.
    public static func check(_ action: ApplicationAction, from state: ApplicationState, by role: Role) throws(DomainError)
        -> ApplicationState
    {
        guard let target = target(of: action, from: state) else {
            throw DomainError(
                "transition_interdite",
                "Action impossible : « \(action.label) » n’est pas permise pour un dossier « \(state.label) ».")
        }
        guard roles(for: action).contains(role) else {
            throw DomainError("role_interdit", "Votre rôle (\(role.label)) ne permet pas l’action « \(action.label) ».")
        }
        return target
    }

    /// Actions a role may take from a state (for the buttons shown).
    public static func available(from state: ApplicationState, for role: Role) -> [ApplicationAction] {
        ApplicationAction.allCases.filter { target(of: $0, from: state) != nil && roles(for: $0).contains(role) }
            .filter { $0 != .decideLaureate && $0 != .decideRejected }
    }
}
