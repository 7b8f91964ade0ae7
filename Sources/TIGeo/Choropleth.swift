public enum Choropleth {
    /// Class boundaries by quantiles: `[min, q1, …, max]` (ascending, duplicates removed, so at most
    /// `classes + 1` values; fewer when the data has many ties). Empty input gives `[]`.
    public static func quantileBreaks(_ values: [Double], classes: Int) -> [Double] {
        let v = values.filter { $0.isFinite }.sorted()
        guard let first = v.first, let last = v.last, classes >= 1 else { return [] }
        var breaks = [first]
        if classes > 1 {
            for k in 1..<classes {
                // Linear interpolation between order statistics.
                let pos = Double(k) / Double(classes) * Double(v.count - 1)
                let lo = Int(pos.rounded(.down))
                let hi = min(lo + 1, v.count - 1)
                let q = v[lo] + (v[hi] - v[lo]) * (pos - Double(lo))
                if q > breaks.last! { breaks.append(q) }
            }
        }
        if last > breaks.last! || breaks.count == 1 { breaks.append(last) }
        return breaks
    }

    /// Sequential blue palette from light to dark (DSFR "bleu France" tints), `classes` colours
    /// (1…9; more classes repeat the ramp's end).
    public static func palette(_ classes: Int) -> [String] {
        let ramp = ["#f5f5fe", "#e3e3fd", "#cacafb", "#a1a1f8", "#8585f6", "#6a6af4", "#4747c9", "#313178", "#000091"]
        guard classes > 0 else { return [] }
        if classes == 1 { return ["#6a6af4"] }
        // Skip the near-white end (unless 8+ classes are needed) so classes stand out from the white background.
        let start = classes < 8 ? 1 : 0
        return (0..<classes).map { i in
            let t = Double(i) / Double(classes - 1)
            let idx = Int((Double(start) + t * Double(ramp.count - 1 - start)).rounded())
            return ramp[min(idx, ramp.count - 1)]
        }
    }

    /// Index of the class of `value` for boundaries from `quantileBreaks`: `i` such that
    /// `breaks[i] <= value < breaks[i + 1]`, the maximum in the last class; clamped to
    /// `0…breaks.count - 2` (0 when there are fewer than 2 boundaries).
    public static func classIndex(_ value: Double, breaks: [Double]) -> Int {
        guard breaks.count >= 2 else { return 0 }
        var i = 0
        while i < breaks.count - 2 && value >= breaks[i + 1] { i += 1 }
        return i
    }
}
