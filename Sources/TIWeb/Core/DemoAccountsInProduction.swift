import Vapor

struct DemoAccountsInProduction: Error, CustomStringConvertible {
    var count: Int
    var description: String {
        "Refus de démarrer en production : \(count) compte(s) de démonstration existent, avec des mots de passe publiés. Utilisez une base sans données de démonstration."
    }
}
