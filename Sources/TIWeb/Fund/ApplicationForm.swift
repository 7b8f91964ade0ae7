import Fluent
import TIDomain
import TIPersistence
import Vapor

/// The application form as posted. Parsing never throws: each field that cannot be read is kept
/// as typed and reported, so the applicant sees their input again with a message beside it.
struct ApplicationForm: Content {
    var carrierName: String?
    var carrierKind: String?
    var size: String?
    var legalForm: String?
    var nafCode: String?
    var sector: String?
    var commune: String?
    var title: String?
    var description: String?
    var investmentBuildings: String?
    var investmentEquipment: String?
    var investmentIntangible: String?
    var investmentOther: String?
    var requestedAid: String?
    var startDate: String?
    var endDate: String?
    var jobsCreated: String?
    var jobsMaintained: String?
    var jobsByHorizon: String?
    var stakes: [String]?
    var skills: [String]?
    var ecologicalTransition: [String]?
    var trainingPlaces: String?
    var relocatedJobs: String?
    var partnerLines: String?
    /// The commune picked in the list offered when the typed site matched several.
    var chosenCommune: String?
    var publicationConsent: String?
    var publicSummary: String?
    /// `enregistrer` or `deposer`.
    var intent: String?

    /// Every text field as typed, to show again after an error (invalid values included).
    var typed: [String: String] {
        let fields: [(String, String?)] = [
            ("raison_sociale", carrierName), ("forme_juridique", legalForm), ("code_naf", nafCode),
            ("commune", commune), ("titre", title), ("description", description),
            ("investissement_immobilier", investmentBuildings), ("investissement_equipement", investmentEquipment),
            ("investissement_immateriel", investmentIntangible), ("investissement_autre", investmentOther),
            ("aide_demandee", requestedAid), ("date_debut", startDate), ("date_fin", endDate),
            ("emplois_crees", jobsCreated), ("emplois_maintenus", jobsMaintained), ("emplois_horizon", jobsByHorizon),
            ("places_formation", trainingPlaces),
            ("emplois_relocalises", relocatedJobs), ("partenaires", partnerLines), ("resume_public", publicSummary),
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
        content.carrierName = text(carrierName).map { String($0.prefix(200)) }
        content.carrierKind = text(carrierKind).flatMap(CarrierKind.init(rawValue:))
        content.size = text(size).flatMap(CompanySize.init(rawValue:))
        content.legalForm = text(legalForm).map { String($0.prefix(100)) }
        content.nafCode = text(nafCode)?.uppercased()
        content.sector = text(sector).flatMap(Sector.init(rawValue:))
        content.title = text(title).map { String($0.prefix(200)) }
        content.description = text(description).map { String($0.prefix(20_000)) }
        content.investment = Investment(
            buildings: money(investmentBuildings, "investissement_immobilier") ?? .zero,
            equipment: money(investmentEquipment, "investissement_equipement") ?? .zero,
            intangible: money(investmentIntangible, "investissement_immateriel") ?? .zero,
            other: money(investmentOther, "investissement_autre") ?? .zero)
        content.requestedAid = money(requestedAid, "aide_demandee")
        content.startDate = date(startDate, "date_debut")
        content.endDate = date(endDate, "date_fin")
        content.jobsCreated = count(jobsCreated, "emplois_crees")
        content.jobsMaintained = count(jobsMaintained, "emplois_maintenus")
        content.jobsByHorizon = count(jobsByHorizon, "emplois_horizon")
        content.stakes = Set((stakes ?? []).compactMap(Stake.init(rawValue:)))
        content.skills = Set((skills ?? []).compactMap(SkillsCategory.init(rawValue:)))
        content.ecological = Set((ecologicalTransition ?? []).compactMap(EcologicalCategory.init(rawValue:)))
        content.trainingPlaces = count(trainingPlaces, "places_formation")
        content.relocatedJobs = count(relocatedJobs, "emplois_relocalises")
        var partners: [Partner] = []
        for (i, line) in (partnerLines ?? "").split(whereSeparator: \.isNewline).enumerated() {
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
        content.publicationConsent = publicationConsent == "oui"
        content.publicSummary = text(publicSummary).map { String($0.prefix(1_000)) }
        return errors
    }

    enum CodingKeys: String, CodingKey {
        case carrierName = "raison_sociale"
        case carrierKind = "type_porteur"
        case size = "taille"
        case legalForm = "forme_juridique"
        case nafCode = "code_naf"
        case sector = "filiere"
        case commune
        case title = "titre"
        case description
        case investmentBuildings = "investissement_immobilier"
        case investmentEquipment = "investissement_equipement"
        case investmentIntangible = "investissement_immateriel"
        case investmentOther = "investissement_autre"
        case requestedAid = "aide_demandee"
        case startDate = "date_debut"
        case endDate = "date_fin"
        case jobsCreated = "emplois_crees"
        case jobsMaintained = "emplois_maintenus"
        case jobsByHorizon = "emplois_horizon"
        case stakes = "enjeux"
        case skills = "competences"
        case ecologicalTransition = "transition"
        case trainingPlaces = "places_formation"
        case relocatedJobs = "emplois_relocalises"
        case partnerLines = "partenaires"
        case chosenCommune = "commune_choisie"
        case publicationConsent = "publication"
        case publicSummary = "resume_public"
        case intent = "intention"
    }
}
