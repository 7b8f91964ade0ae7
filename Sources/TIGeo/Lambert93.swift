import Foundation

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
