import FluentKit
import Foundation
import TIDomain

/// Creating accounts, shared by the admin page, `ti user create` and the demo data.
public enum UserAccounts {
    public static func find(_ id: UUID, on database: any Database) async throws -> User? {
        try await User.find(id, on: database)
    }

    /// The account of a normalised e-mail address.
    public static func find(email: String, on database: any Database) async throws -> User? {
        try await User.query(on: database).filter(\.$email == email).first()
    }

    /// Every account, by role then e-mail.
    /// Whether the demonstration accounts are loaded (the demo banner).
    public static func hasDemoAccounts(on database: any Database) async throws -> Bool {
        try await User.query(on: database).filter(\.$isDemo == true).count() > 0
    }

    public static func all(on database: any Database) async throws -> [User] {
        try await User.query(on: database).sort(\.$role).sort(\.$email).all()
    }

    public struct Draft: Sendable {
        public var email: String
        public var displayName: String
        public var role: String
        public var regions: [String]
        public var territory: String?
        public var organisation: String?
        public var partner: String?

        public init(
            email: String, displayName: String, role: String, regions: [String] = [], territory: String? = nil, organisation: String? = nil,
            partner: String? = nil
        ) {
            self.partner = partner
            self.email = email
            self.displayName = displayName
            self.role = role
            self.regions = regions
            self.territory = territory
            self.organisation = organisation
        }
    }

    /// Field → French message for everything wrong with a draft; empty when valid.
    public static func validate(
        _ draft: Draft, checkingAddress: Bool = true,
        on database: any Database
    ) async throws -> (errors: [String: String], role: Role?, scope: Scope?, email: String?) {
        var errors: [String: String] = [:]
        var email: String?
        do { email = try EmailAddress.normalise(draft.email) } catch { errors["email"] = error.message }
        if checkingAddress, let email, try await User.query(on: database).filter(\.$email == email).count() > 0 {
            errors["email"] = "Un compte existe déjà pour l’adresse \(email)."
        }
        let name = draft.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 120 { errors["name"] = "Indiquez un nom (120 caractères au plus)." }
        var role: Role?
        do { role = try Role(validating: draft.role) } catch { errors["role"] = error.message }

        var scope = Scope()
        let regions = draft.regions.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for code in regions where try await Region.find(code, on: database) == nil {
            errors["regions"] = "La région « \(code) » n’existe pas (codes INSEE, par exemple 84)."
        }
        scope.regions = regions
        if let raw = draft.territory?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            if let id = TerritoryID(raw), try await Territory.find(id.rawValue, on: database) != nil {
                scope.territory = id
            } else {
                errors["territory"] = "Le territoire d’industrie « \(raw) » n’existe pas."
            }
        }
        if let raw = draft.organisation?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { scope.organisation = try Siren(validating: raw) } catch { errors["organisation"] = error.message }
        }
        if let raw = draft.partner?.trimmingCharacters(in: .whitespaces).lowercased(), !raw.isEmpty {
            if try await PartnerRecord.find(raw, on: database) != nil {
                scope.partner = raw
            } else {
                errors["partner"] = "Le partenaire « \(raw) » n’existe pas (codes : ademe, bdt, bpifrance…)."
            }
        }
        if let role, errors["regions"] == nil, errors["territory"] == nil, errors["organisation"] == nil, errors["partner"] == nil {
            do { try Scope.validate(scope, for: role) } catch {
                let field =
                    role == .territory
                    ? "territory" : role == .applicant ? "organisation" : role == .partner || scope.partner != nil ? "partner" : "regions"
                errors[field] = error.message
            }
        }
        return (errors, role, scope, email)
    }

    /// Validates and creates the account, with its audit event, in one transaction.
    public static func create(
        _ draft: Draft, passwordHash: String, isDemo: Bool = false, actor: AuditLog.Actor,
        on database: any Database
    ) async throws -> User {
        let checked = try await validate(draft, on: database)
        guard checked.errors.isEmpty, let role = checked.role, let scope = checked.scope, let email = checked.email else {
            throw AccountRejected(errors: checked.errors)
        }
        let user = User(
            email: email, displayName: draft.displayName.trimmingCharacters(in: .whitespacesAndNewlines),
            passwordHash: passwordHash, role: role, scope: scope, isDemo: isDemo)
        try await database.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            try await user.create(on: db)
            try await AuditLog.record(
                "utilisateur.creation", by: actor, object: "utilisateur", id: user.id!.uuidString,
                after: user.auditSnapshot, on: db)
        }
        return user
    }

    /// Changes an account's name and scope (its address and role stay), with its audit event.
    /// Sessions end when the scope changes, so that no page keeps the former scope.
    public static func update(
        _ user: User, displayName: String, regions: [String], territory: String?, organisation: String?, partner: String? = nil,
        actor: AuditLog.Actor, on database: any Database
    ) async throws {
        let draft = Draft(
            email: user.email, displayName: displayName, role: user.role.rawValue,
            regions: regions, territory: territory, organisation: organisation, partner: partner)
        let checked = try await validate(draft, checkingAddress: false, on: database)
        guard checked.errors.isEmpty, let scope = checked.scope else { throw AccountRejected(errors: checked.errors) }
        let before = user.auditSnapshot
        let scopeChanged = scope != user.scope
        try await database.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            user.displayName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
            user.regions = scope.regions.joined(separator: ",")
            user.territoryID = scope.territory?.rawValue
            user.organisationSiren = scope.organisation?.rawValue
            user.partnerCode = scope.partner
            try await user.save(on: db)
            if scopeChanged { try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete() }
            try await AuditLog.record(
                "utilisateur.modification", by: actor, object: "utilisateur", id: user.id!.uuidString,
                before: before, after: user.auditSnapshot, on: db)
        }
    }

    public static func setActive(_ user: User, _ active: Bool, actor: AuditLog.Actor, on database: any Database) async throws {
        let before = user.auditSnapshot
        try await database.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            user.active = active
            try await user.save(on: db)
            if !active { try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete() }
            try await AuditLog.record(
                active ? "utilisateur.activation" : "utilisateur.desactivation", by: actor,
                object: "utilisateur", id: user.id!.uuidString, before: before, after: user.auditSnapshot, on: db)
        }
    }
}

public struct AccountRejected: Error, CustomStringConvertible {
    public var errors: [String: String]
    public var description: String { errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n") }
}
