import Foundation

/// The human-readable API reference (`/api`), built from the served OpenAPI document, so the page
/// cannot drift from the contract the server enforces: each operation with its parameters, an
/// example request (`curl`), an example answer generated from the response schema, and its
/// statuses.
struct APIReference: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String
        var required: Bool
        var rule: String
        var description: String
    }

    struct Operation: Sendable {
        var method: String
        var path: String
        var id: String
        var summary: String
        var description: String
        var needsToken: Bool
        var parameters: [Parameter]
        /// `curl` and its options, before the address.
        var curl: String
        /// The example's path and query, to put after the site's address.
        var exampleURL: String
        var requestExample: String?
        var responseExample: String?
        var statuses: [(code: String, description: String)]
    }

    struct Group: Sendable {
        var title: String
        var operations: [Operation]
    }

    var title: String
    var description: String
    var groups: [Group]

    static let shared = APIReference(APIContract.shared.document)

    static let groupTitles: [(prefix: String, title: String)] = [
        ("regions", "Géographie"), ("departements", "Géographie"), ("epcis", "Géographie"), ("communes", "Géographie"),
        ("territories", "Territoires d’industrie"), ("calls", "Fonds d’accélération"), ("applications", "Fonds d’accélération"),
        ("envelopes", "Fonds d’accélération"), ("actions", "Plans d’actions et financements"),
        ("commitments", "Plans d’actions et financements"), ("sites", "Sites clés en main"), ("indicators", "Indicateurs et rapport"),
        ("report", "Indicateurs et rapport"), ("webhooks", "Webhooks"), ("me", "Compte"),
    ]

    init(_ document: JSONValue) {
        title = document["info"]?["title"]?.string ?? "API"
        description = document["info"]?["description"]?.string ?? ""
        let order = ["get", "post", "put", "patch", "delete"]
        var byTitle: [String: [Operation]] = [:]
        for (path, item) in (document["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            for method in order {
                guard let operation = item[method] else { continue }
                let built = Self.operation(method: method, path: path, operation, document: document)
                let segment = path.split(separator: "/").dropFirst(2).first.map(String.init) ?? ""
                let title = Self.groupTitles.first { $0.prefix == segment }?.title ?? "Autres"
                byTitle[title, default: []].append(built)
            }
        }
        let titles = Self.groupTitles.map(\.title).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } + ["Autres"]
        groups = titles.compactMap { title in byTitle[title].map { Group(title: title, operations: $0) } }
    }

    static func operation(method: String, path: String, _ operation: JSONValue, document: JSONValue) -> Operation {
        let parameters = (operation["parameters"]?.array ?? []).map { p in
            Parameter(
                name: p["name"]?.string ?? "", location: p["in"]?.string == "path" ? "chemin" : "requête",
                required: p["required"] == .bool(true), rule: rule(p["schema"] ?? .null, document: document),
                description: p["description"]?.string ?? "")
        }
        let needsToken = operation["security"] != nil
        var url = path
        var query: [String] = []
        for p in operation["parameters"]?.array ?? [] {
            guard let name = p["name"]?.string else { continue }
            let value = exampleValue(p, document: document)
            if p["in"]?.string == "path" {
                url = url.replacingOccurrences(of: "{\(name)}", with: value)
            } else if p["required"] == .bool(true) || query.isEmpty {
                query.append("\(name)=\(value)")
            }
        }
        if !query.isEmpty { url += "?" + query.joined(separator: "&") }
        let body = operation["requestBody"]?["content"]?["application/json"]?["schema"]
        let requestExample = body.map { pretty(example($0, document: document)) }
        var curl = ["curl"]
        if method != "get" { curl.append("-X \(method.uppercased())") }
        if needsToken { curl.append("-H \"Authorization: Bearer $TI_JETON\"") }
        if let requestExample {
            curl.append("-H \"Content-Type: application/json\"")
            curl.append("-d '\(requestExample.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: ""))'")
        }
        let responses = operation["responses"]?.object ?? [:]
        let success = responses.keys.filter { $0.hasPrefix("2") }.sorted().first
        let responseSchema = success.flatMap {
            resolve(responses[$0] ?? .null, document: document)["content"]?["application/json"]?["schema"]
        }
        let statuses = responses.keys.sorted().map { code in
            (code, resolve(responses[code] ?? .null, document: document)["description"]?.string ?? "")
        }
        return Operation(
            method: method.uppercased(), path: path, id: operation["operationId"]?.string ?? "\(method)-\(path)",
            summary: operation["summary"]?.string ?? "", description: operation["description"]?.string ?? "",
            needsToken: needsToken, parameters: parameters, curl: curl.joined(separator: " "), exampleURL: url,
            requestExample: requestExample,
            responseExample: responseSchema.map { pretty(example($0, document: document)) }, statuses: statuses)
    }

    /// `#/components/…` references followed.
    static func resolve(_ value: JSONValue, document: JSONValue, depth: Int = 0) -> JSONValue {
        guard let reference = value["$ref"]?.string, depth < 10 else { return value }
        var target: JSONValue? = document
        for part in reference.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
        return resolve(target ?? .null, document: document, depth: depth + 1)
    }

    /// What a parameter accepts, in words: type, values, pattern, bounds.
    static func rule(_ schema: JSONValue, document: JSONValue) -> String {
        let schema = resolve(schema, document: document)
        if let values = schema["enum"]?.array?.compactMap(\.string) {
            return values.count > 8
                ? "une de \(values.count) valeurs : \(values.prefix(6).joined(separator: ", "))…" : values.joined(separator: ", ")
        }
        var parts: [String] = []
        switch schema["type"]?.string ?? "" {
        case "integer": parts.append("entier")
        case "number": parts.append("nombre")
        case "boolean": parts.append("booléen")
        default:
            switch schema["format"]?.string {
            case "date": parts.append("date AAAA-MM-JJ")
            case "uuid": parts.append("identifiant UUID")
            default: parts.append("texte")
            }
        }
        if let minimum = schema["minimum"]?.double, let maximum = schema["maximum"]?.double {
            parts.append("de \(Int(minimum)) à \(Int(maximum))")
        }
        if let maxLength = schema["maxLength"]?.double { parts.append("\(Int(maxLength)) caractères au plus") }
        if let pattern = schema["pattern"]?.string, pattern != "^[^\\x00]*$" { parts.append("motif \(pattern)") }
        return parts.joined(separator: ", ")
    }

    static func exampleValue(_ parameter: JSONValue, document: JSONValue) -> String {
        let name = parameter["name"]?.string ?? ""
        let known = [
            "code": "84", "region": "84", "insee": "69123", "id": "TI-LYON", "departement": "69", "as_of": "2021-09-24",
            "page": "1", "scope": "national",
        ]
        let schema = resolve(parameter["schema"] ?? .null, document: document)
        if let first = schema["examples"]?.array?.first?.string ?? schema["enum"]?.array?.first?.string,
            name != "code" || schema["enum"]?.array?.contains(.string("84")) != true
        {
            return first
        }
        if schema["format"]?.string == "uuid" { return "3f2b8c1e-5d4a-4b7e-9c61-0a2d4e6f8b10" }
        return known[name] ?? (schema["type"]?.string == "integer" ? "1" : "exemple")
    }

    /// An example value for a schema: the first enum value or example, else a value of its type.
    static func example(_ schema: JSONValue, document: JSONValue, depth: Int = 0) -> JSONValue {
        let schema = resolve(schema, document: document)
        if depth > 6 { return .null }
        if let first = schema["examples"]?.array?.first ?? schema["enum"]?.array?.first { return first }
        var type = schema["type"]?.string
        if type == nil, let types = schema["type"]?.array?.compactMap(\.string) { type = types.first { $0 != "null" } }
        if type == nil, schema["properties"] != nil { type = "object" }
        switch type {
        case "object":
            var members: [String: JSONValue] = [:]
            for (key, value) in schema["properties"]?.object ?? [:] {
                let resolved = resolve(value, document: document)
                let plain = resolved["type"]?.string == "string" && resolved["enum"] == nil && resolved["format"] == nil
                members[key] = plain ? .string(namedExamples[key] ?? "…") : example(value, document: document, depth: depth + 1)
            }
            return .object(members)
        case "array": return .array([example(schema["items"] ?? .null, document: document, depth: depth + 1)])
        case "integer": return .integer(Int64(schema["minimum"]?.double ?? 0))
        case "number": return .number(schema["minimum"]?.double ?? 0)
        case "boolean": return .bool(true)
        case "string":
            switch schema["format"]?.string {
            case "date": return .string("2021-09-24")
            case "date-time": return .string("2021-09-24T10:00:00+02:00")
            case "uuid": return .string("3f2b8c1e-5d4a-4b7e-9c61-0a2d4e6f8b10")
            case "uri": return .string("https://exemple.fr/")
            default: return .string("…")
            }
        default: return .null
        }
    }

    /// Plausible values for the text fields that recur in the answers.
    static let namedExamples = [
        "region": "84", "region_code": "84", "departement": "69", "departement_code": "69", "commune_code": "69123",
        "insee": "69123", "siren": "552100554", "reference": "FA-2021-84-00001", "territory_id": "TI-LYON", "id": "TI-LYON",
        "name": "Lyon", "nom": "Lyon", "carrier_name": "Ateliers de Vénissieux", "title": "Nouvelle ligne d’usinage",
        "url": "https://exemple.fr/recepteur",
    ]

    static func pretty(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
