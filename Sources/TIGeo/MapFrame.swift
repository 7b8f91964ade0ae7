import Foundation

/// A map frame: the metropole (incl. Corsica) in Lambert-93, and each overseas département in
/// its official UTM projection (all on GRS80, which equals WGS84 to well under a millimetre here).
public enum MapFrame: String, Sendable, CaseIterable, Codable {
    case metropole
    case guadeloupe = "971"
    case martinique = "972"
    case guyane = "973"
    case reunion = "974"
    case mayotte = "976"

    /// "971"… → overseas frame; anything else (incl. "2A"/"2B") → metropole.
    public static func forDepartement(_ code: String) -> MapFrame {
        MapFrame(rawValue: code) ?? .metropole
    }

    /// French display name.
    public var label: String {
        switch self {
        case .metropole: "France métropolitaine"
        case .guadeloupe: "Guadeloupe"
        case .martinique: "Martinique"
        case .guyane: "Guyane"
        case .reunion: "La Réunion"
        case .mayotte: "Mayotte"
        }
    }

    /// EPSG code of the projection used for this frame.
    public var epsg: Int {
        switch self {
        case .metropole: 2154  // RGF93 v1 / Lambert-93
        case .guadeloupe, .martinique: 5490  // RGAF09 / UTM zone 20N
        case .guyane: 2972  // RGFG95 / UTM zone 22N
        case .reunion: 2975  // RGR92 / UTM zone 40S
        case .mayotte: 4471  // RGM04 / UTM zone 38S
        }
    }

    /// Project longitude/latitude in degrees to metres.
    @inline(__always)
    public func project(_ lonLat: GeoPoint) -> GeoPoint {
        switch self {
        case .metropole: Lambert93.forward(lonLat)
        case .guadeloupe, .martinique: UTM.forward(lonLat, zone: 20, south: false)
        case .guyane: UTM.forward(lonLat, zone: 22, south: false)
        case .reunion: UTM.forward(lonLat, zone: 40, south: true)
        case .mayotte: UTM.forward(lonLat, zone: 38, south: true)
        }
    }

    /// Inverse projection: metres to longitude/latitude in degrees.
    public func unproject(_ xy: GeoPoint) -> GeoPoint {
        switch self {
        case .metropole: Lambert93.inverse(xy)
        case .guadeloupe, .martinique: UTM.inverse(xy, zone: 20, south: false)
        case .guyane: UTM.inverse(xy, zone: 22, south: false)
        case .reunion: UTM.inverse(xy, zone: 40, south: true)
        case .mayotte: UTM.inverse(xy, zone: 38, south: true)
        }
    }
}
