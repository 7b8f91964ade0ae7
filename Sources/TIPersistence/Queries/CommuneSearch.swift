import FluentKit
import TIDomain

/// Finds communes by INSEE code, postal code or name, the three ways people know a place.
/// A five-digit text may be both an INSEE code and a postal code (« 25200 » is the INSEE code of
/// one commune and the postal code of three others): every meaning is offered, none is chosen.
public enum CommuneSearch {
    public static let limit = 30

    public static func candidates(for typed: String, on database: any Database) async throws -> [CommuneCandidate] {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 100 else { return [] }
        var communes: [Commune] = []
        // Five digits are most often a postal code: its communes come first, by name.
        if text.count == 5, text.allSatisfy(\.isASCIIDigit) {
            let codes = try await CommunePostalCode.query(on: database).filter(\.$postalCode == text).all().map(\.$commune.id)
            if !codes.isEmpty { communes += try await Commune.query(on: database).filter(\.$id ~~ codes).sort(\.$searchName).all() }
        }
        if let insee = InseeCode(text.uppercased()) {
            if let commune = try await Commune.find(insee.rawValue, on: database) {
                communes.append(commune)
            } else if let alias = try await CommuneAlias.query(on: database).filter(\.$code == insee.rawValue).first(),
                let parent = try await Commune.find(alias.$commune.id, on: database)
            {
                communes.append(parent)
            }
        }
        if text.contains(where: \.isLetter) {
            // Spaces, hyphens and apostrophes match one another (« saint etienne », « Saint-Étienne »).
            let words = SearchText.normalise(text).filter { $0 != "%" && $0 != "_" && $0 != "\\" }
                .map { " -'".contains($0) ? "_" : String($0) }.joined()
            communes += try await Commune.query(on: database)
                .filter(\.$searchName, .custom("LIKE"), words + "%")
                .sort(\.$population, .descending).limit(limit).all()
        }
        var seen = Set<String>()
        communes = communes.filter { seen.insert($0.code).inserted }
        let postal = try await CommunePostalCode.query(on: database).filter(\.$commune.$id ~~ communes.map(\.code)).all()
        let postalByCommune = Dictionary(grouping: postal, by: { $0.$commune.id }).mapValues { $0.map(\.postalCode).sorted() }
        return communes.prefix(limit).map {
            CommuneCandidate(code: $0.code, name: $0.name, departementCode: $0.$departement.id, postalCodes: postalByCommune[$0.code] ?? [])
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
