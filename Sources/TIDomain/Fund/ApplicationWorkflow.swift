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
