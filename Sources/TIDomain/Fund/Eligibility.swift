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
