/// The minimum strength of a password, with a message that says what to change.
public enum PasswordPolicy {
    public static let minimumLength = 12

    public static func validate(_ password: String, email: String? = nil) throws(DomainError) {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("il faut au moins \(minimumLength) caractères") }
        var classes = 0
        if password.contains(where: { $0.isLowercase }) { classes += 1 }
        if password.contains(where: { $0.isUppercase }) { classes += 1 }
        if password.contains(where: { $0.isNumber }) { classes += 1 }
        if password.contains(where: { !$0.isLetter && !$0.isNumber }) { classes += 1 }
        if classes < 3 { problems.append("il faut au moins trois types de caractères parmi minuscules, majuscules, chiffres et symboles") }
        if let local = email?.split(separator: "@").first, local.count >= 4,
            password.lowercased().contains(local.lowercased())
        {
            problems.append("il ne doit pas contenir votre adresse électronique")
        }
        if Set(password).count < 5 { problems.append("il manque de variété (trop de caractères répétés)") }
        guard problems.isEmpty else {
            throw DomainError("mot_de_passe_faible", "Mot de passe trop faible : " + problems.joined(separator: " ; ") + ".")
        }
    }
}
