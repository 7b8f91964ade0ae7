/// Overseas régions are grouped as "Outre-mer" in the programme's regional figures.
public enum RegionGroup {
    /// INSEE codes of the single-département overseas régions.
    public static let overseasRegionCodes: Set<String> = ["01", "02", "03", "04", "06"]

    public static func isOverseas(regionCode: String) -> Bool { overseasRegionCodes.contains(regionCode) }

    public static func isOverseas(departementCode: String) -> Bool { departementCode.hasPrefix("97") }
}
