public enum StateAidCeiling {
    /// Refuses an aid that would take the undertaking's total under the regime above the ceiling.
    public static func check(alreadyGranted: EuroCents, proposed: EuroCents, regime: AidRegime) throws(DomainError) {
        let total = alreadyGranted + proposed
        guard total <= regime.ceiling else {
            let excess = total - regime.ceiling
            throw DomainError(
                "plafond_aides",
                "Plafond d’aides dépassé : avec cette aide, l’entreprise recevrait \(total.formatted) au titre du régime \(regime.label), pour un plafond de \(regime.ceiling.formatted) (dépassement de \(excess.formatted) ; déjà accordé : \(alreadyGranted.formatted))."
            )
        }
    }
}
