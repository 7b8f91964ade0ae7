import FluentKit
import Foundation
import TIDomain

/// A person who signs in. The role and its scope say what they may see and do.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    // Identity
    @ID(key: .id) public var id: UUID?

    // Data
    /// Lower-cased.
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Enum(key: "role") public var role: Role
    /// Comma-separated région codes (`region`, `prefecture`, `reviewer`).
    @Field(key: "regions") public var regions: String
    @OptionalField(key: "territory_id") public var territoryID: String?
    @OptionalField(key: "organisation_siren") public var organisationSiren: String?
    /// The partner code of a `partner` account.
    @OptionalField(key: "partner_code") public var partnerCode: String?
    /// Demonstration accounts with published passwords: `ti serve --env production` refuses to start while one exists.
    @Field(key: "is_demo") public var isDemo: Bool
    @Field(key: "active") public var active: Bool
    @OptionalField(key: "last_login_at") public var lastLoginAt: Date?

    // Timestamps
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(email: String, displayName: String, passwordHash: String, role: Role, scope: Scope, isDemo: Bool = false) {
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.regions = scope.regions.joined(separator: ",")
        self.territoryID = scope.territory?.rawValue
        self.organisationSiren = scope.organisation?.rawValue
        self.partnerCode = scope.partner
        self.isDemo = isDemo
        self.active = true
    }

    public var scope: Scope {
        Scope(
            regions: regions.split(separator: ",").map(String.init),
            territory: territoryID.flatMap { TerritoryID($0) },
            organisation: organisationSiren.flatMap { Siren($0) }, partner: partnerCode)
    }

    public var principal: Principal { Principal(userID: id!.uuidString, role: role, scope: scope) }

    /// What the audit log records of a user: never the password hash.
    public var auditSnapshot: [String: String] {
        var s = ["email": email, "nom": displayName, "role": role.rawValue, "actif": active ? "oui" : "non"]
        if !regions.isEmpty { s["regions"] = regions }
        if let territoryID { s["territoire"] = territoryID }
        if let organisationSiren { s["organisation"] = organisationSiren }
        if let partnerCode { s["partenaire"] = partnerCode }
        return s
    }
}
