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

/// GRS80 ellipsoid.
enum GRS80 {
    static let a = 6_378_137.0
    static let f = 1 / 298.257222101
    static let e2 = f * (2 - f)
    static let e = e2.squareRoot()
}

/// Lambert-93 (EPSG:2154): Lambert conformal conic, secant at 44° and 49° N, origin 46°30' N 3° E,
/// false easting 700 000 m, false northing 6 600 000 m. Constants as published by IGN (NTG 71, ALG0019).
enum Lambert93 {
    static let n = 0.7256077650532670
    static let c = 11_754_255.426096
    static let xs = 700_000.0
    static let ys = 12_655_612.049876
    static let lon0 = 3.0 * Double.pi / 180
    static let e = GRS80.e

    @inline(__always)
    static func forward(_ p: GeoPoint) -> GeoPoint {
        let phi = p.y * Double.pi / 180
        let lambda = p.x * Double.pi / 180
        let s = sin(phi)
        // Isometric latitude.
        let l = atanh(s) - e * atanh(e * s)
        let r = c * exp(-n * l)
        let gamma = n * (lambda - lon0)
        return GeoPoint(x: xs + r * sin(gamma), y: ys - r * cos(gamma))
    }

    static func inverse(_ p: GeoPoint) -> GeoPoint {
        let dx = p.x - xs
        let dy = ys - p.y
        let r = (dx * dx + dy * dy).squareRoot()
        let gamma = atan2(dx, dy)
        let lambda = lon0 + gamma / n
        let l = -log(r / c) / n
        var phi = 2 * atan(exp(l)) - Double.pi / 2
        for _ in 0..<12 {
            let es = e * sin(phi)
            let next = 2 * atan(pow((1 + es) / (1 - es), e / 2) * exp(l)) - Double.pi / 2
            if abs(next - phi) < 1e-13 {
                phi = next
                break
            }
            phi = next
        }
        return GeoPoint(x: lambda * 180 / Double.pi, y: phi * 180 / Double.pi)
    }
}

/// Universal Transverse Mercator on GRS80 with Krüger's series (accurate to well below a millimetre
/// within a zone).
enum UTM {
    static let k0 = 0.9996
    static let n: Double = GRS80.f / (2 - GRS80.f)
    static let bigA: Double = GRS80.a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64)
    static let alpha: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        return [n / 2 - 2 * n2 / 3 + 5 * n3 / 16, 13 * n2 / 48 - 3 * n3 / 5, 61 * n3 / 240]
    }()
    static let beta: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        return [n / 2 - 2 * n2 / 3 + 37 * n3 / 96, n2 / 48 + n3 / 15, 17 * n3 / 480]
    }()
    static let delta: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        return [2 * n - 2 * n2 / 3 - 2 * n3, 7 * n2 / 3 - 8 * n3 / 5, 56 * n3 / 15]
    }()

    @inline(__always)
    static func centralMeridian(_ zone: Int) -> Double { Double(zone * 6 - 183) * Double.pi / 180 }

    @inline(__always)
    static func forward(_ p: GeoPoint, zone: Int, south: Bool) -> GeoPoint {
        let phi = p.y * Double.pi / 180
        let dl = p.x * Double.pi / 180 - centralMeridian(zone)
        let s = sin(phi)
        let e = GRS80.e
        let t = sinh(atanh(s) - e * atanh(e * s))
        let xi = atan2(t, cos(dl))
        let eta = atanh(sin(dl) / (1 + t * t).squareRoot())
        var x = eta
        var y = xi
        for j in 0..<3 {
            let k = Double(2 * (j + 1))
            x += alpha[j] * cos(k * xi) * sinh(k * eta)
            y += alpha[j] * sin(k * xi) * cosh(k * eta)
        }
        return GeoPoint(x: 500_000 + k0 * bigA * x, y: (south ? 10_000_000 : 0) + k0 * bigA * y)
    }

    static func inverse(_ p: GeoPoint, zone: Int, south: Bool) -> GeoPoint {
        let xi = (p.y - (south ? 10_000_000 : 0)) / (k0 * bigA)
        let eta = (p.x - 500_000) / (k0 * bigA)
        var xi1 = xi
        var eta1 = eta
        for j in 0..<3 {
            let k = Double(2 * (j + 1))
            xi1 -= beta[j] * sin(k * xi) * cosh(k * eta)
            eta1 -= beta[j] * cos(k * xi) * sinh(k * eta)
        }
        let chi = asin(sin(xi1) / cosh(eta1))
        var phi = chi
        for j in 0..<3 { phi += delta[j] * sin(Double(2 * (j + 1)) * chi) }
        let lambda = centralMeridian(zone) + atan2(sinh(eta1), cos(xi1))
        return GeoPoint(x: lambda * 180 / Double.pi, y: phi * 180 / Double.pi)
    }
}
