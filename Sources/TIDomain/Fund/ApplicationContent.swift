/// What an applicant fills in. Every field may be missing in a draft; `problems(for:)` says what
/// must be fixed before submission, field by field, in French.
public struct ApplicationContent: Codable, Sendable, Equatable {
    public var carrierName: String?
    public var siren: String?
    public var carrierKind: CarrierKind?
    public var size: CompanySize?
    public var legalForm: String?
    public var nafCode: String?
    public var sector: Sector?
    public var communeCode: String?
    public var title: String?
    public var description: String?
    public var investment: Investment
    public var requestedAid: EuroCents?
    public var startDate: CivilDate?
    public var endDate: CivilDate?
    public var jobsCreated: Int?
    public var jobsMaintained: Int?
    /// Of `jobsCreated`, how many the applicant expects by the end of the call's horizon year
    /// (`CallRules.jobsHorizonYear`); optional.
    public var jobsByHorizon: Int?
    public var stakes: Set<Stake>
    public var skills: Set<SkillsCategory>
    public var ecological: Set<EcologicalCategory>
    public var trainingPlaces: Int?
    public var relocatedJobs: Int?
    public var partners: [Partner]
    /// The applicant agrees that the project appears on the public laureate pages, with
    /// `publicSummary` (never the confidential `description`).
    public var publicationConsent: Bool = false
    public var publicSummary: String?

    public init() {
        investment = Investment()
        stakes = []
        skills = []
        ecological = []
        partners = []
    }

    /// Field → message for what is missing or wrong before submission (empty: complete).
    public func problems(collaborativeCall: Bool) -> [String: String] {
        var p: [String: String] = [:]
        if (carrierName ?? "").isEmpty { p["raison_sociale"] = "Indiquez la raison sociale du porteur." }
        if let siren, !siren.isEmpty {
            do { _ = try Siren(validating: siren) } catch { p["siren"] = error.message }
        } else {
            p["siren"] = "Indiquez le SIREN du porteur (9 chiffres)."
        }
        if carrierKind == nil { p["type_porteur"] = "Choisissez le type de porteur." }
        if size == nil { p["taille"] = "Choisissez la taille de l’entreprise." }
        if (legalForm ?? "").isEmpty { p["forme_juridique"] = "Indiquez la forme juridique (SAS, SARL, association…)." }
        if let naf = nafCode, !naf.isEmpty {
            if !ApplicationContent.isNAF(naf) {
                p["code_naf"] = "Le code NAF « \(naf) » est invalide : quatre chiffres et une lettre, par exemple 25.62B."
            }
        } else {
            p["code_naf"] = "Indiquez le code NAF (APE), par exemple 25.62B."
        }
        if sector == nil { p["filiere"] = "Choisissez la filière." }
        if (communeCode ?? "").isEmpty { p["commune"] = "Indiquez le code INSEE de la commune du site." }
        if (title ?? "").count < 5 { p["titre"] = "Donnez un titre au projet (5 caractères au moins)." }
        if (description ?? "").count < 50 { p["description"] = "Décrivez le projet (50 caractères au moins)." }
        if investment.total <= .zero { p["investissement"] = "Indiquez l’investissement prévu, par catégorie." }
        if let aid = requestedAid {
            if aid <= .zero {
                p["aide_demandee"] = "Indiquez l’aide demandée."
            } else if aid > investment.total {
                p["aide_demandee"] = "L’aide demandée (\(aid.formatted)) dépasse l’investissement prévu (\(investment.total.formatted))."
            }
        } else {
            p["aide_demandee"] = "Indiquez l’aide demandée."
        }
        if startDate == nil { p["date_debut"] = "Indiquez la date de début prévue." }
        if endDate == nil { p["date_fin"] = "Indiquez la date de fin prévue." }
        if let s = startDate, let e = endDate, e < s { p["date_fin"] = "La fin prévue précède le début." }
        if jobsCreated == nil { p["emplois_crees"] = "Indiquez le nombre d’emplois créés (0 si aucun)." }
        if let byHorizon = jobsByHorizon, let total = jobsCreated, byHorizon > total {
            p["emplois_horizon"] = "Les emplois créés à l’échéance (\(byHorizon)) ne peuvent dépasser les emplois créés (\(total))."
        }
        if jobsMaintained == nil { p["emplois_maintenus"] = "Indiquez le nombre d’emplois maintenus (0 si aucun)." }
        if stakes.contains(.skills), skills.isEmpty { p["competences"] = "Précisez la nature du projet de compétences." }
        if stakes.contains(.ecological), ecological.isEmpty { p["transition"] = "Précisez la nature de la transition écologique." }
        if !stakes.contains(.skills), !skills.isEmpty {
            p["competences"] = "Cochez l’enjeu « Formation et compétences » ou décochez ses sous-catégories."
        }
        if !stakes.contains(.ecological), !ecological.isEmpty {
            p["transition"] = "Cochez l’enjeu « Transition écologique » ou décochez ses sous-catégories."
        }
        if publicationConsent, (publicSummary ?? "").count < 20 {
            p["resume_public"] = "Rédigez le résumé public (20 caractères au moins), ou ne cochez pas la publication."
        }
        if collaborativeCall, partners.count < 2 {
            p["partenaires"] = "Un projet collaboratif réunit au moins deux entreprises partenaires."
        }
        return p
    }

    /// NAF rév. 2: `25.62B` or `2562B`.
    static func isNAF(_ raw: String) -> Bool {
        let v = raw.replacingOccurrences(".", "\u{0}").filter { $0 != "\u{0}" }
        let chars = Array(v)
        return chars.count == 5 && chars[0...3].allSatisfy { $0.isASCII && $0.isNumber } && chars[4].isASCII && chars[4].isLetter
    }
}

extension ApplicationContent {
    /// What the audit log keeps of the content, field by field, to show changes as before → after.
    public var auditFields: [String: String] {
        var f: [String: String] = [:]
        func put(_ key: String, _ value: String?) { if let value, !value.isEmpty { f[key] = value } }
        put("raison_sociale", carrierName)
        put("type_porteur", carrierKind?.rawValue)
        put("taille", size?.rawValue)
        put("forme_juridique", legalForm)
        put("code_naf", nafCode)
        put("filiere", sector?.rawValue)
        put("commune", communeCode)
        put("titre", title)
        put("description", description)
        put("investissement_centimes", String(investment.total.cents))
        put("aide_demandee_centimes", requestedAid.map { String($0.cents) })
        put("date_debut", startDate?.iso)
        put("date_fin", endDate?.iso)
        put("emplois_crees", jobsCreated.map(String.init))
        put("emplois_maintenus", jobsMaintained.map(String.init))
        put("emplois_horizon", jobsByHorizon.map(String.init))
        put("enjeux", stakes.map(\.rawValue).sorted().joined(separator: ","))
        put("partenaires", partners.map { "\($0.name) (\($0.siren.rawValue))" }.joined(separator: "; "))
        put("publication", publicationConsent ? "oui" : "non")
        put("resume_public", publicSummary)
        return f
    }
}
