import FluentKit
import Foundation
import TIDomain

/// A turnkey industrial site.
public final class SiteRecord: Model, @unchecked Sendable {
    public static let schema = "sites"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "commune_code") public var communeCode: String
    @Field(key: "surface_m2") public var surface: Int
    @Field(key: "available_m2") public var available: Int
    @Field(key: "planning_cleared") public var planningCleared: Bool
    @Field(key: "archaeology_cleared") public var archaeologyCleared: Bool
    @Field(key: "environment_cleared") public var environmentCleared: Bool
    @Field(key: "wave") public var wave: String
    @OptionalField(key: "contact_name") public var contactName: String?
    @OptionalField(key: "contact_email") public var contactEmail: String?
    @OptionalField(key: "settled") public var settled: String?
    /// A laureate of the fund that settled there.
    @OptionalField(key: "laureate_id") public var laureateID: UUID?

    public init() {}

    public init(_ c: SiteContent, laureate: UUID? = nil) {
        id = UUID()
        content = c
        laureateID = laureate
    }

    public var content: SiteContent? {
        get {
            guard let commune = InseeCode(communeCode), let wave = SiteWave(rawValue: wave) else { return nil }
            return SiteContent(
                name: name, commune: commune, surface: surface, available: available, planningCleared: planningCleared,
                archaeologyCleared: archaeologyCleared, environmentCleared: environmentCleared, wave: wave, contactName: contactName,
                contactEmail: contactEmail, settled: settled)
        }
        set {
            guard let c = newValue else { return }
            name = c.name.trimmingCharacters(in: .whitespaces)
            communeCode = c.commune.rawValue
            surface = c.surface
            available = c.available
            planningCleared = c.planningCleared
            archaeologyCleared = c.archaeologyCleared
            environmentCleared = c.environmentCleared
            wave = c.wave.rawValue
            contactName = c.contactName.flatMap { $0.isEmpty ? nil : $0 }
            contactEmail = c.contactEmail.flatMap { $0.isEmpty ? nil : $0 }
            settled = c.settled.flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}
