/// Where a commune's zoning came from: an official list imported with `ti import zoning`,
/// or the demonstration dataset (which the UI must flag as not official).
public enum ZoningSource: String, Codable, Sendable {
    case official, demo
}
