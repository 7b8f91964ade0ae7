import Fluent
import Foundation
import TIPersistence
import Vapor

/// Single-use, time-limited password links (forgotten password, new account).
enum PasswordReset {
    enum Reason { case forgotten, newAccount }

    static func send(to user: TIPersistenceUser, validity: Double, application: Application, reason: Reason) async throws {
        let token = Secret.generate()
        try await PasswordResetToken(
            tokenHash: Secret.hash(token), userID: user.requireID(),
            expires: application.clock.epoch + validity
        ).create(on: application.db)
        let link = application.config.publicURL + SiteURL.resetPassword(token).path
        let hours = Int(validity / 3600)
        let mail: Mail
        switch reason {
        case .forgotten:
            mail = Mail(
                to: user.email, subject: "Territoires d’industrie : réinitialiser votre mot de passe",
                body: """
                    Bonjour,

                    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable \(hours) heure\(hours > 1 ? "s" : ""), utilisable une seule fois) :
                    \(link)

                    Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
                    """, date: application.clock.now)
        case .newAccount:
            mail = Mail(
                to: user.email, subject: "Territoires d’industrie : votre compte",
                body: """
                    Bonjour \(user.displayName),

                    Un compte « \(user.role.label) » vient d’être créé pour vous sur la plateforme Territoires d’industrie.
                    Choisissez votre mot de passe avec ce lien (valable \(hours) heures, utilisable une seule fois) :
                    \(link)
                    """, date: application.clock.now)
        }
        try await application.sendMail(mail)
    }

    /// Sets the new password of the reset's account and ends every other credential of it:
    /// pending reset links, sessions, API tokens, the sign-in throttle; one transaction, audited.
    static func complete(_ reset: PasswordResetToken, passwordHash: String, now: Date, application: Application) async throws {
        let user = try await reset.$user.get(on: application.db)
        let epoch = now.timeIntervalSince1970
        try await application.db.writeTransaction { db in
            try await WriteTransaction.touchesNoFigure(on: db)
            user.passwordHash = passwordHash
            try await user.save(on: db)
            reset.usedEpoch = epoch
            try await reset.save(on: db)
            let userID = try user.requireID()
            try await PasswordResetToken.query(on: db).filter(\.$user.$id == userID).filter(\.$usedEpoch == nil)
                .set(\.$usedEpoch, to: epoch).update()
            try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedEpoch == nil)
                .set(\.$revokedEpoch, to: epoch).update()
            try await SessionStore(database: db).closeAll(for: userID)
            try await LoginThrottleStore(database: db, rules: application.config.loginThrottle).clear(
                LoginThrottleStore.accountKey(user.email))
            try await AuditLog.record(
                "utilisateur.mot_de_passe", by: .init(id: userID.uuidString, role: user.role.rawValue, at: now),
                object: "utilisateur", id: userID.uuidString, on: db)
        }
    }

    /// The account a reset link is for.
    static func user(of reset: PasswordResetToken, on database: any Database) async throws -> TIPersistenceUser {
        try await reset.$user.get(on: database)
    }

    /// The pending reset for a token, if it exists, is unused and not expired.
    static func find(_ token: String, now: Double, on database: any Database) async throws -> PasswordResetToken? {
        guard let reset = try await PasswordResetToken.find(Secret.hash(token), on: database),
            reset.usedEpoch == nil, reset.expiresEpoch > now
        else { return nil }
        return reset
    }
}
