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
    case adminUsers, adminAudit, adminAuditCSV

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
        case .adminAudit: "/admin/journal"
        case .adminAuditCSV: "/admin/journal.csv"
        }
    }
}

/// JSON endpoints under /api/v1.
public enum APIURL: Sendable {
    case regions, region(String), territories, territory(String), commune(String), openapi, me

    public var path: String {
        switch self {
        case .regions: "/api/v1/regions"
        case .region(let code): "/api/v1/regions/\(code.urlPathEncoded)"
        case .territories: "/api/v1/territories"
        case .territory(let id): "/api/v1/territories/\(id.urlPathEncoded)"
        case .commune(let code): "/api/v1/communes/\(code.urlPathEncoded)"
        case .openapi: "/api/v1/openapi.json"
        case .me: "/api/v1/me"
        }
    }
}

extension String {
    var urlPathEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? self
    }
}
