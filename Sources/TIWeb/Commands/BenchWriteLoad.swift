import Fluent
import FluentSQL
import Foundation
import TIDomain
import TIPersistence
import Vapor

/// The write-load part of `ti bench indicators`: a committee decides files one after another (10
/// decisions a second for 10 seconds, the Région's key on files whose State key is given) while
/// readers ask for the national dashboard and the indicators API. Measures the readers' response
/// times and how long each decision takes to show in the figures.
enum BenchWriteLoad {
    struct Result {
        var dashboard: [Double] = []
        var api: [Double] = []
        var visible: [Double] = []
        var decisions = 0
    }

    static func run(_ app: Application, decisions: Int = 100, perSecond: Double = 10, say: (String) -> Void) async throws -> Result {
        let ids = try await prepare(app, count: decisions)
        say("\(ids.count) dossiers en comité préparés (clé de l’État donnée) ; décisions de la Région à \(Int(perSecond)) par seconde")
        let principal = Principal(userID: "banc-essai", role: .region, scope: Scope())
        let baseline = try await laureates(app)
        let start = ContinuousClock.now
        let stop = ManagedAtomicFlag()

        async let readers: ([Double], [Double]) = {
            var dashboard: [Double] = []
            var api: [Double] = []
            while !stop.isSet {
                dashboard.append(try await timed { try await BenchCommand.get("/indicateurs", app) })
                api.append(try await timed { try await BenchCommand.get("/api/v1/indicators", app) })
            }
            return (dashboard, api)
        }()

        var visible: [Double] = []
        try await withThrowingTaskGroup(of: Double.self) { group in
            for (k, id) in ids.enumerated() {
                try await Task.sleep(until: start + .milliseconds(Int(Double(k) * 1000 / perSecond)), clock: .continuous)
                let actor = FundService.Actor(principal: principal, name: "Banc d’essai", at: app.clock.now)
                _ = try await FundService.decide(
                    id, favourable: true, motivation: "Banc d’essai : décision de la Région.", by: actor, on: app.db)
                let committed = ContinuousClock.now
                let expected = baseline + k + 1
                group.addTask {
                    // Polls the figures until this decision shows (a later one may show with it).
                    while try await laureates(app) < expected { try await Task.sleep(for: .milliseconds(10)) }
                    let waited = ContinuousClock.now - committed
                    return Double(waited.components.seconds) * 1000 + Double(waited.components.attoseconds) / 1e15
                }
            }
            for try await latency in group { visible.append(latency) }
        }
        stop.set()
        let (dashboard, api) = try await readers
        return Result(dashboard: dashboard, api: api, visible: visible, decisions: ids.count)
    }

    static func timed(_ work: () async throws -> Response) async throws -> Double {
        let t = DispatchTime.now()
        let response = try await work()
        guard response.status == .ok else { throw Abort(.internalServerError, reason: "réponse \(response.status.code)") }
        return Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e6
    }

    static func laureates(_ app: Application) async throws -> Int {
        let response = try await BenchCommand.get("/api/v1/indicators/laureates.count", app)
        struct Body: Decodable {
            struct Value: Decodable { var value: Double }
            var result: Value
        }
        let body = try JSONDecoder().decode(Body.self, from: Data(buffer: response.body.buffer ?? ByteBuffer()))
        return Int(body.result.value)
    }

    /// Files of the bench population in committee, each with its own SIREN, a proposal and the
    /// State's key, and room in their régions' State envelopes for the bench call.
    static func prepare(_ app: Application, count: Int) async throws -> [UUID] {
        guard let call = try await FundCall.query(on: app.db).filter(\.$title == BenchCommand.benchCallTitle).first() else { return [] }
        let files = try await FundApplication.query(on: app.db).filter(\.$call.$id == call.id!).filter(\.$state == .inCommittee)
            .filter(\.$stateFavourable == nil).limit(count).all()
        var regions = Set<String>()
        var rng = SystemRandomNumberGenerator()
        for file in files {
            file.siren = uniqueSiren(&rng)
            file.proposedStateCents = 10_000_000
            file.proposedRegionCents = 0
            file.stateFavourable = true
            file.stateMotivation = "Banc d’essai : clé de l’État."
            try await file.save(on: app.db)
            if let region = file.regionCode { regions.insert(region) }
        }
        for region in regions where try await EnvelopeLedger.envelopes(call: call.id!, region: region, on: app.db)[.state] == nil {
            _ = try await EnvelopeLedger.create(
                call: call.id!, region: region, funder: .state, amount: EuroCents(euros: 1_000_000_000), oneForOne: false,
                actor: .system(at: app.clock.now), on: app.db)
        }
        return files.map { $0.id! }
    }

    /// A valid SIREN (Luhn key) drawn at random.
    static func uniqueSiren(_ rng: inout SystemRandomNumberGenerator) -> String {
        while true {
            let body = (0..<8).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            for check in 0...9 where (try? Siren(validating: body + String(check))) != nil { return body + String(check) }
        }
    }
}

/// A flag set once, read from other tasks.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
