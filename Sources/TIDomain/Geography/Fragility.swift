public enum Fragility {
    /// A commune is fragile when any zoning applies.
    public static func isFragile(_ zonings: some Collection<ZoningKind>) -> Bool { !zonings.isEmpty }
}
