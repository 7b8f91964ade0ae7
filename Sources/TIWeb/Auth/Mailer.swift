import Vapor

/// An outgoing e-mail.
struct Mail: Sendable, Equatable {
    var to: String
    var subject: String
    var body: String
}

/// Where e-mails go. Production: `sendmail` (an MTA such as msmtp relaying to the SMTP server);
/// development: files in `var/mail/`; tests: captured in memory.
protocol Mailer: Sendable {
    func send(_ mail: Mail) async throws
}

/// Writes each message to `var/mail/*.eml`; the log says a message was written, never its content
/// (no addresses or tokens in logs).
struct FileMailer: Mailer {
    let directory: String
    let logger: Logger

    func send(_ mail: Mail) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = "\(Int(Date().timeIntervalSince1970))-\(UUID().uuidString.prefix(8)).eml"
        let text = "To: \(mail.to)\nSubject: \(mail.subject)\nContent-Type: text/plain; charset=utf-8\n\n\(mail.body)\n"
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        logger.notice("courriel écrit dans \(directory)/\(name)")
    }
}

/// Hands each message to `sendmail -t` (configure the MTA, e.g. msmtp-mta, for the SMTP relay).
struct SendmailMailer: Mailer {
    let path: String
    let from: String

    func send(_ mail: Mail) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-t", "-oi"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        let message = "From: \(from)\nTo: \(mail.to)\nSubject: \(mail.subject)\nContent-Type: text/plain; charset=utf-8\n\n\(mail.body)\n"
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Abort(.internalServerError, reason: "sendmail a échoué") }
    }
}

/// Keeps messages in memory (tests).
actor CapturingMailer: Mailer {
    private(set) var sent: [Mail] = []
    func send(_ mail: Mail) async throws { sent.append(mail) }
}

extension Application {
    private struct MailerKey: StorageKey { typealias Value = any Mailer }
    private struct RateLimiterKey: StorageKey { typealias Value = RateLimiter }
    private struct FileStorageKey: StorageKey { typealias Value = any FileStorage }

    var fileStorage: any FileStorage {
        get { storage[FileStorageKey.self]! }
        set { storage[FileStorageKey.self] = newValue }
    }

    var mailer: any Mailer {
        get { storage[MailerKey.self]! }
        set { storage[MailerKey.self] = newValue }
    }

    var rateLimiter: RateLimiter {
        get { storage[RateLimiterKey.self]! }
        set { storage[RateLimiterKey.self] = newValue }
    }
}
