import Foundation
import TIDomain

/// JSON endpoints under /api/v1, typed and rendered as `SiteURL`.
public enum APIURL: Sendable {
    case regions
    case region(String)
    case territories
    case territory(String)
    case commune(String)
    case openapi, me
    case calls
    case call(UUID)
    case applications
    case application(UUID)
    case applicationDecisions(UUID)
    case envelopes
    case indicators
    case indicator(String)
    case actions
    case commitments
    case sites
    case report
    case webhooks
    case webhook(UUID)
    case webhookDeliveries(UUID)
    case webhookRedelivery(UUID, UUID)

    public var path: String { build { _, value in value.urlPathEncoded } }
    var pattern: String { build { name, _ in ":" + name } }

    private func build(_ p: (String, String) -> String) -> String {
        switch self {
        case .regions: "/api/v1/regions"
        case .region(let code): "/api/v1/regions/\(p("code", code))"
        case .territories: "/api/v1/territories"
        case .territory(let id): "/api/v1/territories/\(p("id", id))"
        case .commune(let code): "/api/v1/communes/\(p("insee", code))"
        case .openapi: "/api/v1/openapi.json"
        case .me: "/api/v1/me"
        case .calls: "/api/v1/calls"
        case .call(let id): "/api/v1/calls/\(p("id", id.uuidString))"
        case .applications: "/api/v1/applications"
        case .application(let id): "/api/v1/applications/\(p("id", id.uuidString))"
        case .applicationDecisions(let id): "/api/v1/applications/\(p("id", id.uuidString))/decisions"
        case .envelopes: "/api/v1/envelopes"
        case .indicators: "/api/v1/indicators"
        case .indicator(let id): "/api/v1/indicators/\(p("id", id))"
        case .actions: "/api/v1/actions"
        case .commitments: "/api/v1/commitments"
        case .sites: "/api/v1/sites"
        case .report: "/api/v1/report"
        case .webhooks: "/api/v1/webhooks"
        case .webhook(let id): "/api/v1/webhooks/\(p("id", id.uuidString))"
        case .webhookDeliveries(let id): "/api/v1/webhooks/\(p("id", id.uuidString))/deliveries"
        case .webhookRedelivery(let id, let delivery):
            "/api/v1/webhooks/\(p("id", id.uuidString))/deliveries/\(p("delivery", delivery.uuidString))/redeliver"
        }
    }
}

extension String {
    var urlPathEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? self
    }

    /// A query-string value: only unreserved characters stay as they are.
    var urlQueryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? self
    }
}
