import Foundation

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
