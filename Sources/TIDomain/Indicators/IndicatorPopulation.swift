/// What an indicator counts over.
public enum IndicatorPopulation: String, Codable, Sendable {
    /// Laureates at the as-of date within the scope.
    case laureates
    /// Applications created on or before the as-of date within the scope.
    case applications
    /// Active Territoires d'industrie within the scope.
    case territories
}
