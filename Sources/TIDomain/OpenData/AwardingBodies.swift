import Foundation

/// Who awards the fund's aid, per région and funder, as the SCDL « subventions » names them: the
/// préfecture de région for the State, the conseil régional for the Région. Configuration, not
/// data typed by users: a file `region;financeur;nom;siret` (`data/attribuants.csv`, or the file
/// named by `TI_AWARDING_BODIES`).
public struct AwardingBodies: Sendable, Equatable {
    public struct Body: Sendable, Equatable {
        public var name: String
        public var siret: Siret
    }

    public private(set) var bodies: [String: Body] = [:]

    public init() {}

    public func body(region: String, funder: DecisionParty) -> Body? { bodies["\(region)|\(funder.rawValue)"] }

    /// Parses the configuration file; a bad line is refused with its number.
    public init(parsing text: String) throws(DomainError) {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("region;") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4, let funder = DecisionParty(rawValue: fields[1]), !fields[2].isEmpty else {
                throw DomainError(
                    "attribuant_ligne", "Ligne \(index + 1) : attendu « region;state|region;nom;siret », lu « \(line) ».")
            }
            let siret: Siret
            do { siret = try Siret(validating: fields[3]) } catch {
                throw DomainError(error.code, "Ligne \(index + 1) : \(error.message)")
            }
            bodies["\(fields[0])|\(funder.rawValue)"] = Body(name: fields[2], siret: siret)
        }
    }
}
