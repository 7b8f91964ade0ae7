import Vapor

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
