import TIDomain
import TIPersistence
import Vapor

/// `GET /api/v1/indicators` and `GET /api/v1/indicators/{id}`.
struct IndicatorAPIController {
    struct AllDTO: Content {
        var asOf: String
        var scope: String
        var indicators: [String: IndicatorResult]
    }

    /// Every indicator of a scope: the fund's cached per data version, the programme's read live.
    func all(req: Request) async throws -> Response {
        let dataset = try await req.indicatorDataset()
        let query = try req.query.decode(IndicatorQuery.self)
        let scope = try query.scope(in: dataset, today: req.clock.today)
        let label: String
        do { label = try IndicatorEngine.scopeLabel(scope, in: dataset) } catch { throw AppError.invalid(error) }
        let fund = try await req.memoised("api:all:\(scope.key)") { IndicatorEngine.computeAll(in: dataset, scope: scope) }
        let programme = try await req.programmeIndicators(scope, label: label, in: dataset)
        let dto = AllDTO(asOf: scope.asOf.iso, scope: label, indicators: fund.merging(programme) { a, _ in a })
        return try await dto.encodeResponse(for: req)
    }

    func one(req: Request) async throws -> IndicatorResult {
        try await Self.result(req)
    }

    static func result(_ req: Request) async throws -> IndicatorResult {
        let id = try req.parameters.require("id")
        let dataset = try await req.indicatorDataset()
        let query = try req.query.decode(IndicatorQuery.self)
        let scope = try query.scope(in: dataset, today: req.clock.today)
        let result: IndicatorResult?
        let breakdown = try query.breakdownValue()
        if ProgrammeIndicators.ids.contains(id) {
            guard breakdown == nil else {
                throw AppError.badRequest(
                    "ventilation_indisponible", "L’indicateur « \(id) » ne se ventile pas : ses parties sont dans « parts ».")
            }
            let label: String
            do { label = try IndicatorEngine.scopeLabel(scope, in: dataset) } catch { throw AppError.invalid(error) }
            guard let found = try await req.programmeIndicators(scope, label: label, in: dataset)[id] else {
                throw AppError.notFound("L’indicateur « \(id) » est national : il n’a pas de valeur pour une région ou un territoire.")
            }
            return found
        }
        do { result = try IndicatorEngine.compute(id, in: dataset, scope: scope, breakdown: breakdown) } catch {
            throw AppError.invalid(error)
        }
        guard let result else {
            throw AppError.notFound("Indicateur « \(id) » inconnu. Les identifiants sont listés par /api/v1/indicators.")
        }
        return result
    }

    /// `/indicateurs/{id}.csv`: the same result as a table (rows, or the figure and its parts).
    func csv(req: Request) async throws -> Response {
        var raw = try req.parameters.require("file")
        guard raw.hasSuffix(".csv") else { throw AppError.notFound("Fichier inconnu.") }
        raw.removeLast(4)
        req.parameters.set("id", to: raw)
        let result = try await Self.result(req)
        func line(_ key: String, _ label: String, _ v: IndicatorValue, unit: IndicatorUnit) -> [String] {
            [
                result.id, result.scope, result.asOf, key, label, Self.number(v.cents.map { Double($0) / 100 } ?? v.value),
                unit.rawValue, v.numerator.map(Self.number) ?? "", v.denominator.map(Self.number) ?? "", v.coverage?.description ?? "",
            ]
        }
        var rows = [line("total", result.label, result.result, unit: result.unit)]
        for (key, part) in (result.parts ?? [:]).sorted(by: { $0.key < $1.key }) {
            rows.append(line(key, part.label ?? key, part, unit: part.unit ?? result.unit))
        }
        for row in result.rows ?? [] { rows.append(line(row.key, row.label, row.result, unit: result.unit)) }
        return Download.csv(
            header: ["indicateur", "perimetre", "date", "cle", "libelle", "valeur", "unite", "numerateur", "denominateur", "couverture"],
            rows: rows, name: "\(result.id).csv")
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.4f", v)
    }
}

extension IndicatorResult: Content {}
