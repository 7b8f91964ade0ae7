import TIDomain
import TIPersistence
import Vapor

/// Who may call a route. Every route declares one (see `routes.swift`); the role × route test
/// fails for a route that does not. Object-level scope (a région's applications…) is checked by
/// the handler with `Principal.covers`, answering 404 outside the scope.
enum Access: Sendable, Equatable, CustomStringConvertible {
    case everyone
    case signedIn
    case roles(Set<Role>)

    static let admin = Access.roles([.admin])

    func allows(_ principal: Principal?) -> Bool {
        switch self {
        case .everyone: true
        case .signedIn: principal != nil
        case .roles(let roles): principal.map { roles.contains($0.role) } ?? false
        }
    }

    var description: String {
        switch self {
        case .everyone: "public"
        case .signedIn: "connecté"
        case .roles(let roles): roles.sorted().map(\.rawValue).joined(separator: ", ")
        }
    }
}
