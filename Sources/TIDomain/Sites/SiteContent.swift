import Foundation

/// A turnkey industrial site (site industriel clés en main): where it is, how large, which
/// procedures were cleared in advance, its wave, its contact and who settled there.
public struct SiteContent: Codable, Sendable, Equatable {
    public var name: String
    public var commune: InseeCode
    /// Square metres (forms and files say hectares).
    public var surface: Int
    public var available: Int
    public var planningCleared: Bool
    public var archaeologyCleared: Bool
    public var environmentCleared: Bool
    public var wave: SiteWave
    public var contactName: String?
    public var contactEmail: String?
    /// The companies that settled there, as written.
    public var settled: String?

    public init(
        name: String, commune: InseeCode, surface: Int, available: Int, planningCleared: Bool, archaeologyCleared: Bool,
        environmentCleared: Bool, wave: SiteWave, contactName: String? = nil, contactEmail: String? = nil, settled: String? = nil
    ) {
        self.name = name
        self.commune = commune
        self.surface = surface
        self.available = available
        self.planningCleared = planningCleared
        self.archaeologyCleared = archaeologyCleared
        self.environmentCleared = environmentCleared
        self.wave = wave
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.settled = settled
    }

    /// 10 000 ha: larger than any industrial site.
    public static let maxSurface = 100_000_000

    /// All three procedures anticipated or cleared (what « clés en main » means).
    public var fullyCleared: Bool { planningCleared && archaeologyCleared && environmentCleared }

    public func problems() -> [String: String] {
        var p: [String: String] = [:]
        if name.trimmingCharacters(in: .whitespaces).isEmpty { p["nom"] = "Donnez le nom du site." }
        if name.count > 200 { p["nom"] = "Le nom tient en 200 caractères." }
        if surface <= 0 || surface > Self.maxSurface { p["surface"] = "La surface est positive, au plus 10 000 ha." }
        if available < 0 || available > surface { p["disponible"] = "La surface disponible est comprise entre 0 et la surface du site." }
        if let e = contactEmail, !e.isEmpty, (try? EmailAddress.normalise(e)) == nil {
            p["contact_courriel"] = "Adresse électronique invalide."
        }
        if let s = settled, s.count > 1_000 { p["implantations"] = "1 000 caractères au plus." }
        if let n = contactName, n.count > 200 { p["contact_nom"] = "200 caractères au plus." }
        return p
    }

    /// « 12,5 ha » from square metres.
    public static func hectares(_ squareMetres: Int) -> String {
        let tenths = (squareMetres + 500) / 1_000
        return tenths % 10 == 0 ? "\(FrenchNumber.grouped(tenths / 10)) ha" : "\(FrenchNumber.grouped(tenths / 10)),\(tenths % 10) ha"
    }

    /// Square metres from « 12,5 » (hectares, at most one decimal… or two); nil when it is not a surface.
    public static func parseHectares(_ raw: String) -> Int? {
        let text = raw.filter { !" \u{00A0}\u{202F}".contains($0) }.replacingOccurrences(of: "ha", with: "").replacingOccurrences(
            of: ",", with: ".")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole <= 10_000 else { return nil }
        var m2 = whole * 10_000
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let frac = Int(parts[1]) else { return nil }
            m2 += parts[1].count == 1 ? frac * 1_000 : frac * 100
        }
        return m2
    }
}
