/// The programme's first laureates, as announced at the general assembly of 15 Dec. 2020: the
/// generator picks, among the main call's laureates, 253 whose investment, aid, jobs and fragile
/// share are the published ones (`DemoTargets.first…`), by a deterministic local search.
extension DemoPlanner {
    func firstLaureates(_ apps: [DemoApp]) throws -> [Int] {
        let candidates = apps.indices.filter { apps[$0].call == 0 }
        let n = DemoTargets.firstLaureates
        guard candidates.count > n else { throw DemoError("pas assez de lauréats pour les 253 premiers") }
        var rng = SeededRandom(seed: 253)
        var order = candidates
        rng.shuffle(&order)
        var chosen = Array(order.prefix(n))
        var rest = Array(order.dropFirst(n))

        struct Sums {
            var investment: Int64 = 0, aid: Int64 = 0, jobs = 0, fragile = 0
            mutating func add(_ a: DemoApp, _ sign: Int) {
                investment += Int64(sign) * a.investment
                aid += Int64(sign) * a.aid
                jobs += sign * a.jobs
                fragile += a.fragile ? sign : 0
            }
        }
        func distance<T: BinaryInteger>(_ value: T, _ range: ClosedRange<T>) -> Double {
            value < range.lowerBound ? Double(range.lowerBound - value) : value > range.upperBound ? Double(value - range.upperBound) : 0
        }
        func cost(_ s: Sums) -> Double {
            distance(s.investment, DemoTargets.firstInvestmentEuros) / 1e6 + distance(s.aid, DemoTargets.firstAidEuros) / 1e4
                + distance(s.jobs, DemoTargets.firstJobs) * 10 + distance(s.fragile, DemoTargets.firstFragile) * 1000
        }
        var sums = Sums()
        for i in chosen { sums.add(apps[i], 1) }
        var current = cost(sums)
        var step = 0
        while current > 0, step < 2_000_000 {
            step += 1
            let out = Int(rng.next() % UInt64(chosen.count))
            let inn = Int(rng.next() % UInt64(rest.count))
            var next = sums
            next.add(apps[chosen[out]], -1)
            next.add(apps[rest[inn]], 1)
            let c = cost(next)
            if c <= current {
                swap(&chosen[out], &rest[inn])
                sums = next
                current = c
            }
        }
        guard current == 0 else {
            throw DemoError("aucun ensemble de \(n) premiers lauréats ne reproduit les chiffres du 15 décembre 2020")
        }
        return chosen
    }
}
