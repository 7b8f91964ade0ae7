import Testing

@testable import TIDomain

@Suite("Fund rules")
struct FundRuleTests {
    /// Actions that carry data have their own form; only the others may be posted as a plain button.
    @Test func actionsWithTheirOwnFormAreNotPlain() {
        #expect(
            ApplicationAction.allCases.filter { !$0.isPlain }
                == [.submit, .requestInformation, .resubmit, .decideLaureate, .decideRejected, .signAgreement])
    }

    @Test func theHappyPathOfTheMachine() throws {
        var state = ApplicationState.draft
        let path: [(ApplicationAction, Role, ApplicationState)] = [
            (.submit, .applicant, .submitted), (.startReview, .reviewer, .underReview),
            (.requestInformation, .reviewer, .informationRequested), (.resubmit, .applicant, .underReview),
            (.completeReview, .reviewer, .reviewed), (.sendToCommittee, .reviewer, .inCommittee),
            (.decideLaureate, .prefecture, .laureate), (.signAgreement, .region, .agreementSigned),
            (.startPayments, .admin, .paymentsInProgress), (.close, .admin, .closed),
        ]
        for (action, role, expected) in path {
            state = try ApplicationWorkflow.check(action, from: state, by: role)
            #expect(state == expected)
        }
    }

    /// Every (action, state) pair not in the machine is refused with a French message.
    @Test func everyOtherTransitionIsRefused() {
        let allowed: Set<String> = [
            "submit:draft", "start_review:submitted", "request_information:under_review", "resubmit:information_requested",
            "complete_review:under_review", "send_to_committee:reviewed", "decide_laureate:in_committee",
            "decide_rejected:in_committee", "sign_agreement:laureate", "start_payments:agreement_signed",
            "close:payments_in_progress", "reopen:laureate", "reopen:rejected",
            "withdraw:draft", "withdraw:submitted", "withdraw:under_review", "withdraw:information_requested",
            "withdraw:reviewed", "withdraw:in_committee",
            "declare_inadmissible:submitted", "declare_inadmissible:under_review",
        ]
        var refused = 0
        for action in ApplicationAction.allCases {
            for state in ApplicationState.allCases {
                let key = "\(action.rawValue):\(state.rawValue)"
                let role = ApplicationWorkflow.roles(for: action).first!
                if allowed.contains(key) {
                    #expect(throws: Never.self, "\(key)") { try ApplicationWorkflow.check(action, from: state, by: role) }
                } else {
                    refused += 1
                    #expect(throws: DomainError.self, "\(key)") { try ApplicationWorkflow.check(action, from: state, by: role) }
                }
            }
        }
        #expect(refused == ApplicationAction.allCases.count * ApplicationState.allCases.count - allowed.count)
        let error = #expect(throws: DomainError.self) { try ApplicationWorkflow.check(.submit, from: .laureate, by: .applicant) }
        #expect(error?.message == "Action impossible : « Dépôt » n’est pas permise pour un dossier « Lauréat ».")
    }

    @Test func rolesAreChecked() {
        #expect(throws: DomainError.self) { try ApplicationWorkflow.check(.submit, from: .draft, by: .reviewer) }
        #expect(throws: DomainError.self) { try ApplicationWorkflow.check(.startReview, from: .submitted, by: .applicant) }
        #expect(throws: DomainError.self) { try ApplicationWorkflow.check(.reopen, from: .laureate, by: .region) }
        #expect(ApplicationWorkflow.available(from: .draft, for: .applicant) == [.submit, .withdraw])
        #expect(ApplicationWorkflow.available(from: .inCommittee, for: .prefecture).isEmpty)
    }

    @Test func twoKeys() {
        let yes = PartyDecision(favourable: true, motivation: "Projet solide et créateur d’emplois")
        let no = PartyDecision(favourable: false, motivation: "Projet insuffisamment mûr")
        #expect(TwoKeyDecision.outcome(state: nil, region: nil) == .pending)
        #expect(TwoKeyDecision.outcome(state: yes, region: nil) == .pending)
        #expect(TwoKeyDecision.outcome(state: yes, region: yes) == .laureate)
        #expect(TwoKeyDecision.outcome(state: nil, region: no) == .rejected)
        #expect(TwoKeyDecision.outcome(state: yes, region: no) == .rejected)
        #expect(throws: DomainError.self) { try TwoKeyDecision.validateMotivation("ok") }
        #expect(DecisionParty.of(.prefecture) == .state && DecisionParty.of(.region) == .region && DecisionParty.of(.admin) == nil)
    }

    @Test func aidCeilingSaysByHowMuch() throws {
        let regime = AidRegime(id: "SA.56985", label: "SA.56985 (2020-2021)", ceiling: EuroCents(euros: 1_800_000))
        try StateAidCeiling.check(alreadyGranted: EuroCents(euros: 1_000_000), proposed: EuroCents(euros: 800_000), regime: regime)
        let error = #expect(throws: DomainError.self) {
            try StateAidCeiling.check(alreadyGranted: EuroCents(euros: 1_000_000), proposed: EuroCents(euros: 900_000), regime: regime)
        }
        #expect(error?.code == "plafond_aides")
        #expect(error?.message.contains("dépassement de 100\u{202F}000 €") == true)
    }

    @Test func aidSplit() throws {
        try AidSplit.check(state: EuroCents(euros: 100), region: EuroCents(euros: 100), oneForOne: true, regionFunds: true)
        #expect(throws: DomainError.self) {
            try AidSplit.check(state: EuroCents(euros: 100), region: EuroCents(euros: 50), oneForOne: true, regionFunds: true)
        }
        #expect(throws: DomainError.self) {
            try AidSplit.check(state: EuroCents(euros: 100), region: EuroCents(euros: 50), oneForOne: false, regionFunds: false)
        }
        #expect(throws: DomainError.self) { try AidSplit.check(state: .zero, region: .zero, oneForOne: false, regionFunds: true) }
    }

    @Test func contentProblemsFieldByField() {
        var c = ApplicationContent()
        let empty = c.problems(collaborativeCall: true)
        for field in ["raison_sociale", "siren", "taille", "code_naf", "commune", "investissement", "aide_demandee", "partenaires"] {
            #expect(empty[field] != nil, "\(field)")
        }
        c.carrierName = "MECALAC"
        c.siren = "552100554"
        c.carrierKind = .company
        c.size = .eti
        c.legalForm = "SAS"
        c.nafCode = "28.92Z"
        c.sector = .mecanique
        c.communeCode = "74010"
        c.title = "Relocalisation d’une ligne"
        c.description = String(repeating: "Modernisation de l’usine et relocalisation de la production. ", count: 2)
        c.investment = Investment(equipment: EuroCents(euros: 2_000_000))
        c.requestedAid = EuroCents(euros: 400_000)
        c.startDate = try? CivilDate(parsing: "2021-03-01")
        c.endDate = try? CivilDate(parsing: "2022-12-31")
        c.jobsCreated = 34
        c.jobsMaintained = 200
        c.stakes = [.relocation]
        #expect(c.problems(collaborativeCall: false).isEmpty)
        c.siren = "552100555"
        #expect(c.problems(collaborativeCall: false)["siren"]?.contains("clé de contrôle") == true)
        c.siren = "552100554"
        c.requestedAid = EuroCents(euros: 3_000_000)
        #expect(c.problems(collaborativeCall: false)["aide_demandee"]?.contains("dépasse") == true)
        c.requestedAid = EuroCents(euros: 1)
        c.stakes = [.skills]
        #expect(c.problems(collaborativeCall: false)["competences"] != nil)
        c.nafCode = "2892"
        #expect(c.problems(collaborativeCall: false)["code_naf"] != nil)
    }

    @Test func eligibilityChecks() throws {
        let rules = CallRules(
            opensOn: try CivilDate(parsing: "2020-09-01"), closesOn: try CivilDate(parsing: "2021-06-30"),
            carriers: [.company], sizes: [.pme, .eti], minimumInvestment: EuroCents(euros: 200_000),
            startWithinMonths: 12, regions: ["84"], collaborative: false)
        var c = ApplicationContent()
        c.carrierKind = .company
        c.size = .ge
        c.investment = Investment(equipment: EuroCents(euros: 100_000))
        c.startDate = try CivilDate(parsing: "2023-01-01")
        let today = try CivilDate(parsing: "2021-03-15")
        let checks = Eligibility.checks(c, rules: rules, submittedOn: try CivilDate(parsing: "2021-07-01"), regionCode: "93", today: today)
        let failed = checks.filter { !$0.passed }.map(\.id)
        #expect(failed == ["appel_ouvert", "taille", "investissement_minimum", "demarrage", "region"])
        #expect(try CivilDate(parsing: "2021-01-31").adding(months: 1).iso == "2021-02-28")
        #expect(try CivilDate(parsing: "2021-11-15").adding(months: 14).iso == "2023-01-15")
    }

    @Test func references() {
        #expect(ApplicationReference.make(year: 2021, region: "84", sequence: 123) == "FA-2021-84-00123")
    }
}
