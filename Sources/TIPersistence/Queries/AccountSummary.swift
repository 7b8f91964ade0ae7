import Foundation
import TIDomain

/// An account as the pages show it: never its password hash, never a Fluent model.
public struct AccountSummary: Sendable, Equatable {
    public var id: UUID
    public var email: String
    public var displayName: String
    public var role: Role
    public var scope: Scope
    public var isDemo: Bool
    public var active: Bool

    public init(id: UUID, email: String, displayName: String, role: Role, scope: Scope, isDemo: Bool = false, active: Bool = true) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.scope = scope
        self.isDemo = isDemo
        self.active = active
    }

    public init(_ user: User) {
        self.init(
            id: user.id ?? UUID(), email: user.email, displayName: user.displayName, role: user.role, scope: user.scope,
            isDemo: user.isDemo, active: user.active)
    }

    public var principal: Principal { Principal(userID: id.uuidString, role: role, scope: scope) }
}
