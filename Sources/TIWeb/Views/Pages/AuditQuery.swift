import Foundation

/// The audit page's filters, as GET parameters (shareable URL).
struct AuditQuery: Codable, Sendable {
    var action: String?
    var objet: String?
    var acteur: String?
    var du: String?
    var au: String?
    var page: Int?

    func queryString(page: Int?) -> String {
        var items: [String] = []
        func add(_ k: String, _ v: String?) {
            if let v, !v.isEmpty { items.append("\(k)=\(v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        }
        add("action", action)
        add("objet", objet)
        add("acteur", acteur)
        add("du", du)
        add("au", au)
        if let page { items.append("page=\(page)") }
        return items.isEmpty ? "" : "?" + items.joined(separator: "&")
    }
}
