/// GRS80 ellipsoid.
enum GRS80 {
    static let a = 6_378_137.0
    static let f = 1 / 298.257222101
    static let e2 = f * (2 - f)
    static let e = e2.squareRoot()
}
