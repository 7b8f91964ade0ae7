/// A State-aid regime and its ceiling per undertaking (data, not code: stored in `aid_regimes`).
public struct AidRegime: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var ceiling: EuroCents

    public init(id: String, label: String, ceiling: EuroCents) {
        self.id = id
        self.label = label
        self.ceiling = ceiling
    }
}

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

/// The State / Région split of an aid; with "1 pour 1" the Région's share equals the State's.
public enum AidSplit {
    public static func check(state: EuroCents, region: EuroCents, oneForOne: Bool, regionFunds: Bool) throws(DomainError) {
        guard state.cents >= 0, region.cents >= 0 else {
            throw DomainError("montant_negatif", "Les montants d’aide ne peuvent pas être négatifs.")
        }
        guard state + region > .zero else { throw DomainError("aide_nulle", "Proposez un montant d’aide.") }
        if !regionFunds, region > .zero {
            throw DomainError("region_sans_enveloppe", "Cette région n’abonde pas le fonds : l’aide est entièrement versée par l’État.")
        }
        if oneForOne, state != region {
            throw DomainError(
                "un_pour_un",
                "Règle « 1 pour 1 » dans cette région : la part de la Région (\(region.formatted)) doit égaler celle de l’État (\(state.formatted))."
            )
        }
    }
}
