/// What a call accepts.
public struct CallRules: Codable, Sendable, Equatable {
    public var opensOn: CivilDate
    public var closesOn: CivilDate
    public var carriers: Set<CarrierKind>
    public var sizes: Set<CompanySize>
    public var minimumInvestment: EuroCents
    /// The investment must start within this many months of the decision.
    public var startWithinMonths: Int
    /// Empty: every région.
    public var regions: Set<String>
    public var collaborative: Bool

    public init(
        opensOn: CivilDate, closesOn: CivilDate, carriers: Set<CarrierKind>, sizes: Set<CompanySize>,
        minimumInvestment: EuroCents, startWithinMonths: Int, regions: Set<String>, collaborative: Bool
    ) {
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.carriers = carriers
        self.sizes = sizes
        self.minimumInvestment = minimumInvestment
        self.startWithinMonths = startWithinMonths
        self.regions = regions
        self.collaborative = collaborative
    }

    public func isOpen(on date: CivilDate) -> Bool { opensOn <= date && date <= closesOn }

    /// The year by the end of which applicants forecast their jobs: two years after the call closes
    /// (the 2020-2021 calls: end 2023, the horizon of the published « 47 % of planned jobs »).
    public var jobsHorizonYear: Int { Self.jobsHorizonYear(closesOn: closesOn) }
    public static func jobsHorizonYear(closesOn: CivilDate) -> Int { closesOn.year + 2 }
}

/// One automatic eligibility check, shown to the reviewer, who may override a failed one with a reason.
public struct EligibilityCheck: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var passed: Bool
    public var detail: String
}

public enum Eligibility {
    public static func checks(
        _ content: ApplicationContent, rules: CallRules, submittedOn: CivilDate?,
        regionCode: String?, today: CivilDate
    ) -> [EligibilityCheck] {
        var checks: [EligibilityCheck] = []
        let depositDate = submittedOn ?? today
        checks.append(
            .init(
                id: "appel_ouvert", label: "Appel ouvert au dépôt", passed: rules.isOpen(on: depositDate),
                detail: "Dépôt le \(depositDate.french) ; appel ouvert du \(rules.opensOn.french) au \(rules.closesOn.french)."))
        let kind = content.carrierKind
        checks.append(
            .init(
                id: "porteur", label: "Type de porteur éligible", passed: kind.map(rules.carriers.contains) ?? false,
                detail:
                    "Porteur : \(kind?.label ?? "non renseigné") ; éligibles : \(rules.carriers.map(\.label).sorted().joined(separator: ", "))."
            ))
        let size = content.size
        checks.append(
            .init(
                id: "taille", label: "Taille éligible", passed: size.map(rules.sizes.contains) ?? false,
                detail:
                    "Taille : \(size?.label ?? "non renseignée") ; éligibles : \(CompanySize.allCases.filter(rules.sizes.contains).map(\.label).joined(separator: ", "))."
            ))
        let total = content.investment.total
        checks.append(
            .init(
                id: "investissement_minimum", label: "Investissement minimum", passed: total >= rules.minimumInvestment,
                detail: "Investissement prévu \(total.formatted) ; minimum \(rules.minimumInvestment.formatted)."))
        let limit = today.adding(months: rules.startWithinMonths)
        let startOK = content.startDate.map { $0 <= limit } ?? false
        checks.append(
            .init(
                id: "demarrage", label: "Démarrage dans les \(rules.startWithinMonths) mois", passed: startOK,
                detail:
                    "Début prévu \(content.startDate?.french ?? "non renseigné") ; au plus tard le \(limit.french) pour une décision aujourd’hui."
            ))
        let regionOK = rules.regions.isEmpty || regionCode.map(rules.regions.contains) ?? false
        checks.append(
            .init(
                id: "region", label: "Site dans une région de l’appel", passed: regionOK,
                detail: rules.regions.isEmpty
                    ? "Appel national."
                    : "Région du site : \(regionCode ?? "inconnue") ; régions de l’appel : \(rules.regions.sorted().joined(separator: ", "))."
            ))
        return checks
    }
}

extension Eligibility {
    /// The State-aid ceiling of the undertaking under the call's regime, counting the requested aid.
    /// Shown beside the checks but never derogable: it is enforced at review and at decision.
    public static func ceiling(requested: EuroCents?, alreadyGranted: EuroCents, regime: AidRegime) -> EligibilityCheck {
        let total = (requested ?? .zero) + alreadyGranted
        return EligibilityCheck(
            id: "plafond", label: "Plafond d’aides d’État (\(regime.label))", passed: total <= regime.ceiling,
            detail:
                "Aide demandée \(requested?.formatted ?? "non renseignée") ; déjà accordé à l’entreprise sous ce régime \(alreadyGranted.formatted) ; plafond \(regime.ceiling.formatted)."
        )
    }
}

/// The documents every application provides unless its call lists others.
public enum RequiredDocuments {
    public static let standard = [
        "Extrait Kbis (ou statuts) de moins de trois mois",
        "Plan de financement du projet",
        "Devis des principaux investissements",
        "Derniers comptes annuels",
    ]
}

extension CivilDate {
    /// The same day `months` later (clamped to the month's last day).
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, CivilDate.daysIn(month: m, year: y))
        return try! CivilDate(year: y, month: m, day: d)
    }
}
