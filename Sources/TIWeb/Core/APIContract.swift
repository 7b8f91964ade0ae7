import Foundation
import Vapor

/// The OpenAPI document read back as the rules the server enforces (`APIContractMiddleware`):
/// each operation's path and query parameters and its JSON body are checked against their schemas
/// before the route runs. One source for what is documented and what is accepted.
///
/// The document served is `OpenAPIDocument.json` with, on every operation, the answers any request
/// can get whatever its route: 400 (against the schema), 401 (unknown token), 403 (a role without
/// the right, on operations that need a token), 422 (valid for the
/// schema, refused by the rules: an unknown région, a date out of range…), 429 (rate limit), and on
/// operations with a body 413 and 415.
struct APIContract: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String
        var required: Bool
        var schema: JSONValue
    }

    struct Operation: Sendable {
        var method: HTTPMethod
        var segments: [Substring]
        var parameters: [Parameter]
        var body: JSONValue?
    }

    /// A request the document calls invalid: which part, and why, in French.
    struct Violation: Error, Equatable {
        /// The parameter or body member at fault (`nil`: the body as a whole).
        var name: String? = nil
        var message: String

        /// `page_invalide`, `insee_invalide`, … or `requete_invalide`.
        var code: String { name.map { "\($0)_invalide" } ?? "requete_invalide" }
    }

    let document: JSONValue
    let operations: [Operation]

    static let shared = APIContract(json: OpenAPIDocument.json)

    init(json: String) {
        let parsed = try! JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let document = Self.completingResponses(of: parsed)
        self.document = document
        var operations: [Operation] = []
        for (path, item) in document["paths"]?.object ?? [:] {
            for (method, operation) in item.object ?? [:] {
                let parameters = (operation["parameters"]?.array ?? []).map { p in
                    Parameter(
                        name: p["name"]?.string ?? "", location: p["in"]?.string ?? "query", required: p["required"] == .bool(true),
                        schema: p["schema"] ?? .object([:]))
                }
                operations.append(
                    Operation(
                        method: HTTPMethod(rawValue: method.uppercased()),
                        segments: path.split(separator: "/"), parameters: parameters,
                        body: operation["requestBody"]?["content"]?["application/json"]?["schema"]))
            }
        }
        self.operations = operations
    }

    /// The served document, keys sorted.
    var servedJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(document), as: UTF8.self)
    }

    // MARK: Matching

    /// The operation for a method and a path (HEAD is answered as GET), with its path parameters.
    func operation(_ method: HTTPMethod, path: String) -> (Operation, [String: String])? {
        let method = method == .HEAD ? .GET : method
        let segments = path.split(separator: "/")
        for operation in operations where operation.method == method && operation.segments.count == segments.count {
            var values: [String: String] = [:]
            var matches = true
            for (template, segment) in zip(operation.segments, segments) {
                if template.hasPrefix("{") {
                    values[String(template.dropFirst().dropLast())] = String(segment).removingPercentEncoding ?? String(segment)
                } else if template != segment {
                    matches = false
                    break
                }
            }
            if matches { return (operation, values) }
        }
        return nil
    }

    // MARK: Checking a request

    /// Checks path values, the raw query string and the body of a request to `operation`.
    func check(_ operation: Operation, path: [String: String], query: String?, body: Data?) throws(Violation) {
        var seen: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.formDecoded(parts[0])
            guard let name, let value = Self.formDecoded(parts.count > 1 ? parts[1] : "") else {
                throw Violation(message: "L’adresse contient un encodage invalide.")
            }
            guard operation.parameters.contains(where: { $0.name == name && $0.location == "query" }) else { continue }
            if seen[name] != nil { throw Violation(name: name, message: "Le paramètre « \(name) » est répété.") }
            seen[name] = value
        }
        for parameter in operation.parameters {
            let value = parameter.location == "path" ? path[parameter.name] : seen[parameter.name]
            guard let value else {
                if parameter.required {
                    throw Violation(name: parameter.name, message: "Le paramètre « \(parameter.name) » est obligatoire.")
                }
                continue
            }
            try Self.check(text: value, against: parameter.schema, name: parameter.name)
        }
        if let schema = operation.body {
            guard let body, !body.isEmpty else { throw Violation(message: "Le corps de la requête (JSON) est obligatoire.") }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
                throw Violation(message: "Le corps de la requête n’est pas un JSON valide.")
            }
            try check(value, against: schema, name: nil)
        }
    }

    /// `application/x-www-form-urlencoded` decoding of one query key or value.
    static func formDecoded(_ raw: Substring) -> String? {
        raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A query or path value: text, converted for integer, number and boolean schemas.
    static func check(text: String, against schema: JSONValue, name: String) throws(Violation) {
        switch schema["type"]?.string {
        case "integer":
            guard let value = Int64(text) else { throw Violation(name: name, message: "« \(name) » doit être un nombre entier.") }
            try checkBounds(Double(value), schema, name)
        case "number":
            guard let value = Double(text), value.isFinite else { throw Violation(name: name, message: "« \(name) » doit être un nombre.") }
            try checkBounds(value, schema, name)
        case "boolean":
            guard text == "true" || text == "false" else { throw Violation(name: name, message: "« \(name) » doit valoir true ou false.") }
        default:
            try checkString(text, schema, name)
        }
    }

    /// A JSON value against a schema (the subset the document uses: type, enum, pattern, format,
    /// lengths, bounds, object members, array items, `$ref` to components).
    func check(_ value: JSONValue, against schema: JSONValue, name: String?) throws(Violation) {
        if let ref = schema["$ref"]?.string {
            let target = ref.split(separator: "/").dropFirst().reduce(Optional(document)) { $0?[String($1)] }
            guard let target else { return }
            return try check(value, against: target, name: name)
        }
        let label = name.map { "« \($0) »" } ?? "Le corps de la requête"
        let types: [String] = schema["type"]?.array?.compactMap(\.string) ?? schema["type"]?.string.map { [$0] } ?? []
        if !types.isEmpty, !types.contains(where: { Self.value(value, hasType: $0) }) {
            throw Violation(name: name, message: "\(label) doit être \(types.map(Self.typeName).joined(separator: " ou ")).")
        }
        switch value {
        case .string(let text): try Self.checkString(text, schema, name ?? "corps")
        case .integer, .number: try Self.checkBounds(value.double ?? 0, schema, name ?? "corps")
        case .object(let members):
            for required in schema["required"]?.array?.compactMap(\.string) ?? [] where members[required] == nil {
                throw Violation(name: required, message: "Le champ « \(required) » est obligatoire.")
            }
            let properties = schema["properties"]?.object ?? [:]
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    try check(member, against: property, name: key)
                } else if schema["additionalProperties"] == .bool(false) {
                    throw Violation(name: key, message: "Le champ « \(key) » n’est pas prévu.")
                } else if let additional = schema["additionalProperties"], additional.object != nil {
                    try check(member, against: additional, name: key)
                }
            }
        case .array(let items):
            if let minimum = schema["minItems"]?.double, Double(items.count) < minimum {
                throw Violation(name: name, message: "\(label) doit comporter au moins \(Self.format(minimum)) élément(s).")
            }
            if let maximum = schema["maxItems"]?.double, Double(items.count) > maximum {
                throw Violation(name: name, message: "\(label) doit comporter au plus \(Self.format(maximum)) éléments.")
            }
            if let itemSchema = schema["items"] {
                for item in items { try check(item, against: itemSchema, name: name) }
            }
        case .null, .bool: break
        }
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .integer): true
        case ("integer", .number(let n)): n.rounded() == n && abs(n) < 9.2e18
        case ("number", .integer), ("number", .number): true
        default: false
        }
    }

    static func typeName(_ type: String) -> String {
        switch type {
        case "integer": "un nombre entier"
        case "number": "un nombre"
        case "boolean": "un booléen (true ou false)"
        case "string": "un texte"
        case "array": "une liste"
        case "object": "un objet"
        default: "null"
        }
    }

    static func checkBounds(_ value: Double, _ schema: JSONValue, _ name: String) throws(Violation) {
        if let minimum = schema["minimum"]?.double, value < minimum {
            throw Violation(name: name, message: "« \(name) » doit être au moins \(format(minimum)).")
        }
        if let maximum = schema["maximum"]?.double, value > maximum {
            throw Violation(name: name, message: "« \(name) » doit être au plus \(format(maximum)).")
        }
        if let minimum = schema["exclusiveMinimum"]?.double, value <= minimum {
            throw Violation(name: name, message: "« \(name) » doit être supérieur à \(format(minimum)).")
        }
        if let maximum = schema["exclusiveMaximum"]?.double, value >= maximum {
            throw Violation(name: name, message: "« \(name) » doit être inférieur à \(format(maximum)).")
        }
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func checkString(_ text: String, _ schema: JSONValue, _ name: String) throws(Violation) {
        if let allowed = schema["enum"]?.array?.compactMap(\.string), !allowed.contains(text) {
            throw Violation(name: name, message: "« \(name) » doit valoir l’une de ces valeurs : \(allowed.joined(separator: ", ")).")
        }
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.double, Double(length) < minimum {
            throw Violation(name: name, message: "« \(name) » doit comporter au moins \(format(minimum)) caractères.")
        }
        if let maximum = schema["maxLength"]?.double, Double(length) > maximum {
            throw Violation(name: name, message: "« \(name) » doit comporter au plus \(format(maximum)) caractères.")
        }
        if let pattern = schema["pattern"]?.string {
            let regex = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if regex?.firstMatch(in: text, range: range) == nil {
                throw Violation(name: name, message: "« \(name) » n’a pas la forme attendue (\(pattern)).")
            }
        }
        switch schema["format"]?.string {
        case "date":
            if !isISODate(text) { throw Violation(name: name, message: "« \(name) » doit être une date AAAA-MM-JJ.") }
        case "uuid":
            let hyphens = Array(text.utf8).enumerated().filter { $0.element == UInt8(ascii: "-") }.map(\.offset)
            if text.utf8.count != 36 || hyphens != [8, 13, 18, 23] || UUID(uuidString: text) == nil {
                throw Violation(name: name, message: "« \(name) » doit être un identifiant UUID (8-4-4-4-12 caractères hexadécimaux).")
            }
        default: break
        }
    }

    /// `AAAA-MM-JJ` naming a day of the proleptic Gregorian calendar, years 1 to 9999 (RFC 3339 full-date).
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = bytes.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let number = { (range: Range<Int>) in Int(String(decoding: bytes[range], as: UTF8.self))! }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    // MARK: The answers every operation documents

    static func completingResponses(of document: JSONValue) -> JSONValue {
        guard case .object(var root) = document, case .object(var paths)? = root["paths"] else { return document }
        for (path, item) in paths {
            guard case .object(var methods) = item else { continue }
            for (method, operation) in methods {
                guard case .object(var op) = operation, case .object(var responses)? = op["responses"] else { continue }
                var common = ["401": "Unauthorized", "429": "TooManyRequests"]
                let hasInput = op["parameters"]?.array?.isEmpty == false || op["requestBody"] != nil
                if hasInput {
                    common["400"] = "BadRequest"
                    common["422"] = "Unprocessable"
                }
                if op["security"] != nil { common["403"] = "Forbidden" }
                if method == "get" { common["304"] = "NotModified" }
                if op["requestBody"] != nil {
                    common["413"] = "PayloadTooLarge"
                    common["415"] = "UnsupportedMediaType"
                }
                for (status, name) in common where responses[status] == nil {
                    responses[status] = .object(["$ref": .string("#/components/responses/\(name)")])
                }
                op["responses"] = .object(responses)
                methods[method] = .object(op)
            }
            paths[path] = .object(methods)
        }
        root["paths"] = .object(paths)
        return .object(root)
    }
}

/// Enforces `APIContract` on `/api/v1` (run by `AccessGuard` once access is granted): a request the document calls invalid gets 400 with the
/// reason; once valid, a 400 from the route (a rule refusing the content) becomes 422, so the
/// document's « valid » and the server's agree.
struct APIContractMiddleware: AsyncMiddleware {
    let contract: APIContract

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/v1/"), let (operation, path) = contract.operation(request.method, path: request.url.path)
        else {
            return try await next.respond(to: request)
        }
        if operation.body != nil, request.headers.contentType != .json {
            throw AppError(
                .unsupportedMediaType, code: "type_non_pris_en_charge", "Envoyez le corps en JSON (Content-Type: application/json).")
        }
        do {
            try contract.check(operation, path: path, query: request.url.query, body: request.body.data.map { Data(buffer: $0) })
        } catch {
            throw AppError.badRequest(error.code, error.message)
        }
        do {
            let response = try await next.respond(to: request)
            if response.status == .badRequest { response.status = .unprocessableEntity }
            return response
        } catch {
            let (status, code, message) = SiteErrorMiddleware(environment: request.application.environment).describe(
                error, request: request)
            if status == .badRequest { throw AppError(.unprocessableEntity, code: code, message) }
            throw error
        }
    }
}

/// 405 with `Allow` when a path exists for other methods only (RFC 9110), instead of a 404.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A matched route has this method: only an unmatched request is compared with the table.
        guard request.route == nil else { return try await next.respond(to: request) }
        let segments = request.url.path.split(separator: "/")
        let method = request.method == .HEAD ? .GET : request.method
        let allowed = Set(request.application.routes.all.filter { Self.matches($0.path, segments) }.map(\.method.rawValue))
        guard !allowed.isEmpty, !allowed.contains(method.rawValue), request.method != .OPTIONS else {
            return try await next.respond(to: request)
        }
        var methods = allowed
        if methods.contains("GET") { methods.insert("HEAD") }
        let error = AppError(.methodNotAllowed, code: "methode_interdite", "La méthode \(request.method.rawValue) n’est pas permise ici.")
        let response = SiteErrorMiddleware.render(status: error.status, code: error.code, message: error.message, for: request)
        response.headers.replaceOrAdd(name: .allow, value: methods.sorted().joined(separator: ", "))
        return response
    }

    static func matches(_ components: [PathComponent], _ segments: [Substring]) -> Bool {
        var i = 0
        for component in components {
            switch component {
            case .catchall: return i < segments.count
            case .anything, .parameter:
                guard i < segments.count else { return false }
            case .constant(let value):
                guard i < segments.count, segments[i] == value else { return false }
            }
            i += 1
        }
        return i == segments.count
    }
}
