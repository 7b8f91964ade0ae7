import Fluent
import TIDomain
import TIPersistence
import Vapor

/// What the typed site means: a commune found by INSEE code, postal code or name, or a list to
/// choose from when several match (the form never picks one of several on its own).
enum SiteChoice: Equatable {
    case keep
    case set(String?)
    case ask([CommuneCandidate], String)

    static func resolve(typed: String?, chosen: String?, current: String?, on db: any Database) async throws -> SiteChoice {
        if let chosen = chosen?.trimmingCharacters(in: .whitespaces), !chosen.isEmpty {
            if let code = InseeCode(chosen.uppercased()), try await Commune.find(code.rawValue, on: db) != nil {
                return .set(code.rawValue)
            }
            return .ask([], "Cette commune n’existe pas : saisissez à nouveau son nom, son code postal ou son code INSEE.")
        }
        guard let text = typed?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return .set(nil) }
        if text.uppercased() == current { return .keep }
        let candidates = try await CommuneSearch.candidates(for: text, on: db)
        switch candidates.count {
        case 0: return .ask([], "Aucune commune ne correspond à « \(text) » : saisissez son nom, son code postal ou son code INSEE.")
        case 1: return .set(candidates[0].code)
        default: return .ask(candidates, "« \(text) » correspond à \(candidates.count) communes : choisissez la vôtre dans la liste.")
        }
    }
}
