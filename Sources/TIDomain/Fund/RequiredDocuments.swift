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
