import Foundation

/// Every page and file of the site, used both to register routes and to build links,
/// so that a renamed path cannot leave a dead link behind.
public enum SiteURL: Sendable, Equatable {
    case home
    case map
    case territories
    case territory(String)
    case regions
    case region(String)
    case departement(String)
    case fund
    case indicators
    case data
    case mapRegions, mapDepartements, mapTerritories
    case mapRegionEpcis(String)
    case mapTerritory(String)
    case signIn, signOut, forgotPassword
    case resetPassword(String)
    case account, accountTokens
    case revokeToken(String)
    case adminUsers
    case adminUser(String)
    case adminAudit, adminAuditCSV
    // The fund
    case fundCall(String)
    case applyToCall(String)
    case applications, queue, queueCSV
    case application(String)
    case applicationEdit(String)
    case applicationDelete(String)
    case applicationSubmit(String)
    case applicationReceipt(String)
    case applicationReceiptPDF(String)
    case applicationLetter(String)
    case applicationAction(String, String)
    case applicationInfoRequest(String)
    case applicationReview(String)
    case applicationDecision(String)
    case applicationAgreement(String)
    case applicationPayments(String)
    case applicationSchedule(String)
    case applicationFollowUp(String)
    case applicationMessages(String)
    case applicationAttachments(String)
    case attachment(String, String)
    case applicationInstructor(String)
    case applicationNotes(String)
    case applicationRecovery(String)
    case committee(String)
    case envelopes
    case envelope(String)
    case adminCalls, adminCallNew
    case adminCall(String)
    case adminCallEnvelopes(String)
    case adminRegimes
    case indicatorCSV(String)
    case laureate(String)
    case mapLayer(String)

    public var path: String {
        switch self {
        case .home: "/"
        case .map: "/carte"
        case .territories: "/territoires"
        case .territory(let id): "/territoires/\(id.urlPathEncoded)"
        case .regions: "/regions"
        case .region(let code): "/regions/\(code.urlPathEncoded)"
        case .departement(let code): "/departements/\(code.urlPathEncoded)"
        case .fund: "/fonds"
        case .indicators: "/indicateurs"
        case .data: "/donnees"
        case .mapRegions: "/cartes/regions.svg"
        case .mapDepartements: "/cartes/departements.svg"
        case .mapTerritories: "/cartes/territoires.svg"
        case .mapRegionEpcis(let code): "/cartes/regions/\(code.urlPathEncoded)/epci.svg"
        case .mapTerritory(let id): "/cartes/territoires/\(id.urlPathEncoded).svg"
        case .signIn: "/connexion"
        case .signOut: "/deconnexion"
        case .forgotPassword: "/mot-de-passe-oublie"
        case .resetPassword(let token): "/reinitialisation/\(token.urlPathEncoded)"
        case .account: "/compte"
        case .accountTokens: "/compte/jetons"
        case .revokeToken(let id): "/compte/jetons/\(id.urlPathEncoded)/revoquer"
        case .adminUsers: "/admin/utilisateurs"
        case .adminUser(let id): "/admin/utilisateurs/\(id)"
        case .adminAudit: "/admin/journal"
        case .adminAuditCSV: "/admin/journal.csv"
        case .fundCall(let id): "/fonds/appels/\(id)"
        case .applyToCall(let id): "/fonds/appels/\(id)/candidater"
        case .applications: "/dossiers"
        case .queue: "/instruction"
        case .queueCSV: "/instruction.csv"
        case .application(let id): "/dossiers/\(id)"
        case .applicationEdit(let id): "/dossiers/\(id)/modifier"
        case .applicationDelete(let id): "/dossiers/\(id)/supprimer"
        case .applicationSubmit(let id): "/dossiers/\(id)/deposer"
        case .applicationReceipt(let id): "/dossiers/\(id)/accuse"
        case .applicationReceiptPDF(let id): "/dossiers/\(id)/accuse.pdf"
        case .applicationLetter(let id): "/dossiers/\(id)/courrier"
        case .applicationAction(let id, let action): "/dossiers/\(id)/actions/\(action)"
        case .applicationInfoRequest(let id): "/dossiers/\(id)/complements"
        case .applicationReview(let id): "/dossiers/\(id)/instruction"
        case .applicationDecision(let id): "/dossiers/\(id)/decision"
        case .applicationAgreement(let id): "/dossiers/\(id)/convention"
        case .applicationPayments(let id): "/dossiers/\(id)/versements"
        case .applicationSchedule(let id): "/dossiers/\(id)/echeancier"
        case .applicationFollowUp(let id): "/dossiers/\(id)/suivi"
        case .applicationMessages(let id): "/dossiers/\(id)/messages"
        case .applicationAttachments(let id): "/dossiers/\(id)/pieces"
        case .applicationInstructor(let id): "/dossiers/\(id)/instructeur"
        case .applicationNotes(let id): "/dossiers/\(id)/notes"
        case .applicationRecovery(let id): "/dossiers/\(id)/reversement"
        case .attachment(let id, let file): "/dossiers/\(id)/pieces/\(file)"
        case .committee(let region): "/comites/\(region.urlPathEncoded)"
        case .envelopes: "/fonds/enveloppes"
        case .envelope(let id): "/fonds/enveloppes/\(id)"
        case .adminCalls: "/admin/appels"
        case .adminCallNew: "/admin/appels/nouveau"
        case .adminCall(let id): "/admin/appels/\(id)"
        case .adminCallEnvelopes(let id): "/admin/appels/\(id)/enveloppes"
        case .adminRegimes: "/admin/regimes"
        case .indicatorCSV(let id): "/indicateurs/\(id).csv"
        case .laureate(let id): "/laureats/\(id)"
        case .mapLayer(let file): "/carte/\(file)"
        }
    }
}

/// JSON endpoints under /api/v1.
public enum APIURL: Sendable {
    case regions
    case region(String)
    case territories
    case territory(String)
    case commune(String)
    case openapi, me
    case calls
    case call(String)
    case applications
    case application(String)
    case applicationDecisions(String)
    case envelopes
    case indicators
    case indicator(String)

    public var path: String {
        switch self {
        case .regions: "/api/v1/regions"
        case .region(let code): "/api/v1/regions/\(code.urlPathEncoded)"
        case .territories: "/api/v1/territories"
        case .territory(let id): "/api/v1/territories/\(id.urlPathEncoded)"
        case .commune(let code): "/api/v1/communes/\(code.urlPathEncoded)"
        case .openapi: "/api/v1/openapi.json"
        case .me: "/api/v1/me"
        case .calls: "/api/v1/calls"
        case .call(let id): "/api/v1/calls/\(id)"
        case .applications: "/api/v1/applications"
        case .application(let id): "/api/v1/applications/\(id)"
        case .applicationDecisions(let id): "/api/v1/applications/\(id)/decisions"
        case .envelopes: "/api/v1/envelopes"
        case .indicators: "/api/v1/indicators"
        case .indicator(let id): "/api/v1/indicators/\(id)"
        }
    }
}

extension String {
    var urlPathEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? self
    }
}
