import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The application form as posted. Parsing never throws: each field that cannot be read is kept
/// as typed and reported, so the applicant sees their input again with a message beside it.
struct ApplicationForm: Content {
    var raison_sociale: String?
    var type_porteur: String?
    var taille: String?
    var forme_juridique: String?
    var code_naf: String?
    var filiere: String?
    var commune: String?
    var titre: String?
    var description: String?
    var investissement_immobilier: String?
    var investissement_equipement: String?
    var investissement_immateriel: String?
    var investissement_autre: String?
    var aide_demandee: String?
    var date_debut: String?
    var date_fin: String?
    var emplois_crees: String?
    var emplois_maintenus: String?
    var enjeux: [String]?
    var competences: [String]?
    var transition: [String]?
    var places_formation: String?
    var emplois_relocalises: String?
    var partenaires: String?
    /// The commune picked in the list offered when the typed site matched several.
    var commune_choisie: String?
    var publication: String?
    var resume_public: String?
    /// `enregistrer` or `deposer`.
    var intention: String?

    /// Every text field as typed, to show again after an error (invalid values included).
    var typed: [String: String] {
        let fields: [(String, String?)] = [
            ("raison_sociale", raison_sociale), ("forme_juridique", forme_juridique), ("code_naf", code_naf),
            ("commune", commune), ("titre", titre), ("description", description),
            ("investissement_immobilier", investissement_immobilier), ("investissement_equipement", investissement_equipement),
            ("investissement_immateriel", investissement_immateriel), ("investissement_autre", investissement_autre),
            ("aide_demandee", aide_demandee), ("date_debut", date_debut), ("date_fin", date_fin),
            ("emplois_crees", emplois_crees), ("emplois_maintenus", emplois_maintenus), ("places_formation", places_formation),
            ("emplois_relocalises", emplois_relocalises), ("partenaires", partenaires), ("resume_public", resume_public),
        ]
        return Dictionary(uniqueKeysWithValues: fields.compactMap { name, value in value.map { (name, $0) } })
    }

    /// Fills `content` from the form; returns field → message for what could not be read.
    func apply(to content: inout ApplicationContent) -> [String: String] {
        var errors: [String: String] = [:]
        func text(_ v: String?) -> String? {
            let t = v?.trimmingCharacters(in: .whitespacesAndNewlines)
            return t?.isEmpty == false ? t : nil
        }
        func money(_ v: String?, _ field: String) -> EuroCents? {
            guard let t = text(v) else { return nil }
            do { return try EuroCents(parsingEuros: t) } catch {
                errors[field] = error.message
                return nil
            }
        }
        func count(_ v: String?, _ field: String) -> Int? {
            guard let t = text(v) else { return nil }
            do { return try BoundedCount.parse(t) } catch {
                errors[field] = error.message
                return nil
            }
        }
        func date(_ v: String?, _ field: String) -> CivilDate? {
            guard let t = text(v) else { return nil }
            do { return try CivilDate(parsing: t) } catch {
                errors[field] = error.message
                return nil
            }
        }
        content.carrierName = text(raison_sociale).map { String($0.prefix(200)) }
        content.carrierKind = text(type_porteur).flatMap(CarrierKind.init(rawValue:))
        content.size = text(taille).flatMap(CompanySize.init(rawValue:))
        content.legalForm = text(forme_juridique).map { String($0.prefix(100)) }
        content.nafCode = text(code_naf)?.uppercased()
        content.sector = text(filiere).flatMap(Sector.init(rawValue:))
        content.title = text(titre).map { String($0.prefix(200)) }
        content.description = text(description).map { String($0.prefix(20_000)) }
        content.investment = Investment(
            buildings: money(investissement_immobilier, "investissement_immobilier") ?? .zero,
            equipment: money(investissement_equipement, "investissement_equipement") ?? .zero,
            intangible: money(investissement_immateriel, "investissement_immateriel") ?? .zero,
            other: money(investissement_autre, "investissement_autre") ?? .zero)
        content.requestedAid = money(aide_demandee, "aide_demandee")
        content.startDate = date(date_debut, "date_debut")
        content.endDate = date(date_fin, "date_fin")
        content.jobsCreated = count(emplois_crees, "emplois_crees")
        content.jobsMaintained = count(emplois_maintenus, "emplois_maintenus")
        content.stakes = Set((enjeux ?? []).compactMap(Stake.init(rawValue:)))
        content.skills = Set((competences ?? []).compactMap(SkillsCategory.init(rawValue:)))
        content.ecological = Set((transition ?? []).compactMap(EcologicalCategory.init(rawValue:)))
        content.trainingPlaces = count(places_formation, "places_formation")
        content.relocatedJobs = count(emplois_relocalises, "emplois_relocalises")
        var partners: [Partner] = []
        for (i, line) in (partenaires ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                errors["partenaires"] = "Ligne \(i + 1) : écrivez « Nom ; SIREN »."
                continue
            }
            do { partners.append(Partner(name: parts[0], siren: try Siren(validating: parts[1]))) } catch {
                errors["partenaires"] = "Ligne \(i + 1) : \(error.message)"
            }
        }
        content.partners = partners
        content.publicationConsent = publication == "oui"
        content.publicSummary = text(resume_public).map { String($0.prefix(1_000)) }
        return errors
    }
}
