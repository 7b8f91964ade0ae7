import Foundation
import TIDomain

/// Every page and file of the site, used both to register routes and to build links,
/// so that a renamed path cannot leave a dead link behind. Parameters are typed (`UUID` for
/// records, `TerritoryID` for territories, codes as strings); `routes.swift` registers each case with `.key` values, which
/// `components` renders as the `:name` placeholders the handlers read.
public enum SiteURL: Sendable, Equatable {
    case home
    case health, healthLive, healthReady, metrics
    case map
    case territories
    case territory(TerritoryID)
    case regions
    case region(String)
    case departement(String)
    case fund
    case indicators
    case data, dataGrants, dataSchemes, dataCatalogue, apiDocs
    case mapRegions, mapDepartements, mapTerritories
    case mapRegionEpcis(String)
    case mapTerritory(TerritoryID)
    /// A layer of a page's map (`MapLayers`), named by its hash.
    case mapLayerDocument(String)
    case signIn, signOut, forgotPassword
    case resetPassword(String)
    case account, accountTokens
    case revokeToken(UUID)
    case accountWebhooks
    case webhookRedeliver(UUID, UUID)
    case adminUsers
    case adminUser(UUID)
    case adminUserDeactivate(UUID)
    case adminUserActivate(UUID)
    case adminAudit, adminAuditCSV
    // The fund
    case fundCall(UUID)
    case applyToCall(UUID)
    case applications, queue, queueCSV
    case application(UUID)
    case applicationEdit(UUID)
    case applicationDelete(UUID)
    case applicationSubmit(UUID)
    case applicationReceipt(UUID)
    case applicationReceiptPDF(UUID)
    case applicationLetter(UUID)
    case applicationAction(UUID, String)
    case applicationInfoRequest(UUID)
    case applicationReview(UUID)
    case applicationDecision(UUID)
    case applicationAgreement(UUID)
    case applicationPayments(UUID)
    case applicationSchedule(UUID)
    case applicationFollowUp(UUID)
    case applicationMessages(UUID)
    case applicationAttachments(UUID)
    case attachment(UUID, UUID)
    case applicationInstructor(UUID)
    case applicationNotes(UUID)
    case applicationRecovery(UUID)
    case committee(String)
    case envelopes
    case envelope(UUID)
    case adminCalls, adminCallNew
    case adminCall(UUID)
    case adminCallEnvelopes(UUID)
    case adminRegimes
    case indicatorCSV(String)
    case laureate(UUID)
    case mapLayer(String)
    case territoryPlan(TerritoryID)
    case territoryPlanCSV(TerritoryID)
    case territoryPlanImport(TerritoryID)
    case territoryPlanNew(TerritoryID)
    case action(UUID)
    case actionEdit(UUID)
    case actionReview(UUID)
    case plans, plansCSV
    case financing, commitments, commitmentsImport, partners, instruments
    case sites, sitesCSV, sitesGeoJSON
    case site(UUID)
    case adminSites
    case adminCofundings
    case adminSite(UUID)
    case inspiring, inspiringNew
    case inspiringProject(UUID)
    case inspiringImage(UUID)
    case inspiringReview(UUID)
    case inspiringEdit(UUID)
    // Surveys
    case surveys
    case survey(UUID)
    case surveyCSV(UUID)
    case surveyLaunch(UUID)
    case surveyRemind(UUID)
    case surveyAnswer(String)
    // The report
    case report, reportPDF, reportStyle
    case reportEditions
    case reportEdition(UUID)
    case reportEditionPDF(UUID)
    case reportEditionEdit(UUID)
    case reportEditionPublish(UUID)

    /// The link: parameters percent-encoded.
    public var path: String { build { _, value in value.urlPathEncoded } }

    /// The route: parameters as `:name` placeholders, and no suffix glued to a parameter
    /// (the router matches whole components; `/cartes/territoires/:id` strips its `.svg` itself).
    var pattern: String { build(suffixes: false) { name, _ in ":" + name } }

    private func build(suffixes: Bool = true, _ p: (String, String) -> String) -> String {
        let svg = suffixes ? ".svg" : ""
        let csv = suffixes ? ".csv" : ""
        return switch self {
        case .home: "/"
        case .health: "/healthz"
        case .healthLive: "/healthz/live"
        case .healthReady: "/healthz/ready"
        case .metrics: "/metrics"
        case .map: "/carte"
        case .territories: "/territoires"
        case .territory(let id): "/territoires/\(p("id", id.rawValue))"
        case .regions: "/regions"
        case .region(let code): "/regions/\(p("code", code))"
        case .departement(let code): "/departements/\(p("code", code))"
        case .fund: "/fonds"
        case .indicators: "/indicateurs"
        case .data: "/donnees"
        case .dataGrants: "/donnees/subventions.csv"
        case .dataSchemes: "/donnees/dispositifs.csv"
        case .dataCatalogue: "/donnees/catalog.jsonld"
        case .apiDocs: "/api"
        case .mapRegions: "/cartes/regions.svg"
        case .mapDepartements: "/cartes/departements.svg"
        case .mapTerritories: "/cartes/territoires.svg"
        case .mapRegionEpcis(let code): "/cartes/regions/\(p("code", code))/epci.svg"
        case .mapTerritory(let id): "/cartes/territoires/\(p("id", id.rawValue))\(svg)"
        case .mapLayerDocument(let hash): "/cartes/fonds/\(p("hash", hash))\(svg)"
        case .signIn: "/connexion"
        case .signOut: "/deconnexion"
        case .forgotPassword: "/mot-de-passe-oublie"
        case .resetPassword(let token): "/reinitialisation/\(p("token", token))"
        case .account: "/compte"
        case .accountTokens: "/compte/jetons"
        case .revokeToken(let id): "/compte/jetons/\(p("id", id.uuidString))/revoquer"
        case .accountWebhooks: "/compte/webhooks"
        case .webhookRedeliver(let id, let delivery):
            "/compte/webhooks/\(p("id", id.uuidString))/livraisons/\(p("delivery", delivery.uuidString))/renvoyer"
        case .adminUsers: "/admin/utilisateurs"
        case .adminUser(let id): "/admin/utilisateurs/\(p("id", id.uuidString))"
        case .adminUserDeactivate(let id): "/admin/utilisateurs/\(p("id", id.uuidString))/desactiver"
        case .adminUserActivate(let id): "/admin/utilisateurs/\(p("id", id.uuidString))/activer"
        case .adminAudit: "/admin/journal"
        case .adminAuditCSV: "/admin/journal.csv"
        case .fundCall(let id): "/fonds/appels/\(p("id", id.uuidString))"
        case .applyToCall(let id): "/fonds/appels/\(p("id", id.uuidString))/candidater"
        case .applications: "/dossiers"
        case .queue: "/instruction"
        case .queueCSV: "/instruction.csv"
        case .application(let id): "/dossiers/\(p("id", id.uuidString))"
        case .applicationEdit(let id): "/dossiers/\(p("id", id.uuidString))/modifier"
        case .applicationDelete(let id): "/dossiers/\(p("id", id.uuidString))/supprimer"
        case .applicationSubmit(let id): "/dossiers/\(p("id", id.uuidString))/deposer"
        case .applicationReceipt(let id): "/dossiers/\(p("id", id.uuidString))/accuse"
        case .applicationReceiptPDF(let id): "/dossiers/\(p("id", id.uuidString))/accuse.pdf"
        case .applicationLetter(let id): "/dossiers/\(p("id", id.uuidString))/courrier"
        case .applicationAction(let id, let action): "/dossiers/\(p("id", id.uuidString))/actions/\(p("action", action))"
        case .applicationInfoRequest(let id): "/dossiers/\(p("id", id.uuidString))/complements"
        case .applicationReview(let id): "/dossiers/\(p("id", id.uuidString))/instruction"
        case .applicationDecision(let id): "/dossiers/\(p("id", id.uuidString))/decision"
        case .applicationAgreement(let id): "/dossiers/\(p("id", id.uuidString))/convention"
        case .applicationPayments(let id): "/dossiers/\(p("id", id.uuidString))/versements"
        case .applicationSchedule(let id): "/dossiers/\(p("id", id.uuidString))/echeancier"
        case .applicationFollowUp(let id): "/dossiers/\(p("id", id.uuidString))/suivi"
        case .applicationMessages(let id): "/dossiers/\(p("id", id.uuidString))/messages"
        case .applicationAttachments(let id): "/dossiers/\(p("id", id.uuidString))/pieces"
        case .applicationInstructor(let id): "/dossiers/\(p("id", id.uuidString))/instructeur"
        case .applicationNotes(let id): "/dossiers/\(p("id", id.uuidString))/notes"
        case .applicationRecovery(let id): "/dossiers/\(p("id", id.uuidString))/reversement"
        case .attachment(let id, let file): "/dossiers/\(p("id", id.uuidString))/pieces/\(p("file", file.uuidString))"
        case .committee(let region): "/comites/\(p("region", region))"
        case .envelopes: "/fonds/enveloppes"
        case .envelope(let id): "/fonds/enveloppes/\(p("id", id.uuidString))"
        case .adminCalls: "/admin/appels"
        case .adminCallNew: "/admin/appels/nouveau"
        case .adminCall(let id): "/admin/appels/\(p("id", id.uuidString))"
        case .adminCallEnvelopes(let id): "/admin/appels/\(p("id", id.uuidString))/enveloppes"
        case .adminRegimes: "/admin/regimes"
        case .indicatorCSV(let id): "/indicateurs/\(p("file", id))\(csv)"
        case .laureate(let id): "/laureats/\(p("id", id.uuidString))"
        case .mapLayer(let file): "/carte/\(p("file", file))"
        case .territoryPlan(let id): "/territoires/\(p("id", id.rawValue))/plan"
        case .territoryPlanCSV(let id): "/territoires/\(p("id", id.rawValue))/plan.csv"
        case .territoryPlanImport(let id): "/territoires/\(p("id", id.rawValue))/plan/import"
        case .territoryPlanNew(let id): "/territoires/\(p("id", id.rawValue))/plan/nouvelle"
        case .action(let id): "/actions/\(p("id", id.uuidString))"
        case .actionEdit(let id): "/actions/\(p("id", id.uuidString))/modifier"
        case .actionReview(let id): "/actions/\(p("id", id.uuidString))/validation"
        case .plans: "/plans"
        case .plansCSV: "/plans.csv"
        case .financing: "/financement"
        case .commitments: "/financement/engagements"
        case .commitmentsImport: "/financement/engagements/import"
        case .partners: "/financement/partenaires"
        case .instruments: "/financement/instruments"
        case .sites: "/sites"
        case .sitesCSV: "/sites.csv"
        case .sitesGeoJSON: "/sites.geojson"
        case .site(let id): "/sites/\(p("id", id.uuidString))"
        case .adminSites: "/admin/sites"
        case .adminCofundings: "/admin/cofinancements"
        case .adminSite(let id): "/admin/sites/\(p("id", id.uuidString))"
        case .inspiring: "/projets-inspirants"
        case .inspiringNew: "/projets-inspirants/nouveau"
        case .inspiringProject(let id): "/projets-inspirants/\(p("id", id.uuidString))"
        case .inspiringImage(let id): "/projets-inspirants/\(p("id", id.uuidString))/image"
        case .inspiringReview(let id): "/projets-inspirants/\(p("id", id.uuidString))/relecture"
        case .inspiringEdit(let id): "/projets-inspirants/\(p("id", id.uuidString))/modifier"
        case .surveys: "/admin/enquetes"
        case .survey(let id): "/enquetes/\(p("id", id.uuidString))"
        case .surveyCSV(let id): "/enquetes/\(p("id", id.uuidString))/reponses.csv"
        case .surveyLaunch(let id): "/admin/enquetes/\(p("id", id.uuidString))/envoi"
        case .surveyRemind(let id): "/admin/enquetes/\(p("id", id.uuidString))/relance"
        case .surveyAnswer(let token): "/enquete/\(p("token", token))"
        case .report: "/rapport"
        case .reportPDF: "/rapport.pdf"
        case .reportStyle: "/rapport/style.css"
        case .reportEditions: "/admin/rapport"
        case .reportEdition(let id): "/rapport/editions/\(p("id", id.uuidString))"
        case .reportEditionPDF(let id): "/rapport/editions/\(p("id", id.uuidString))/pdf"
        case .reportEditionEdit(let id): "/admin/rapport/\(p("id", id.uuidString))"
        case .reportEditionPublish(let id): "/admin/rapport/\(p("id", id.uuidString))/publier"
        }
    }
}

extension UUID {
    /// A route parameter's placeholder in `routes.swift` (`SiteURL.application(.key)`): the
    /// value is never read, `pattern` writes `:id` instead.
    static let key = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

extension TerritoryID {
    /// A route parameter's placeholder in `routes.swift`, as `UUID.key`.
    static let key = TerritoryID("key")!
}

extension String {
    /// A route parameter's placeholder in `routes.swift`, as `UUID.key`.
    static let key = ""
}
