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
