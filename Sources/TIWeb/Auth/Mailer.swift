import Vapor

/// An outgoing e-mail.
struct Mail: Sendable, Equatable {
    var to: String
    var subject: String
    var body: String
    /// When it is written (the `Date` header).
    var date: Date
}

extension Mail {
    /// The message as an RFC 5322 / MIME document: ASCII headers (RFC 2047 encoded words for the
    /// subject and the sender's name), `Date`, `Message-ID`, and one text/plain UTF-8 part in
    /// base64, lines ending in CRLF.
    func mime(from: String, host: String = "territoires-industrie.gouv.fr") -> String {
        var headers = [
            "From: " + Self.encodeAddress(from),
            "To: " + to,
            "Subject: " + Self.encodeWords(subject),
            "Date: " + Self.rfc5322(date),
            "Message-ID: <\(UUID().uuidString.lowercased())@\(host)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        headers.append("")
        let encoded = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n" + encoded + "\r\n"
    }

    /// « Territoires d’industrie <x@y> » → the name as encoded words, the address as is.
    static func encodeAddress(_ address: String) -> String {
        guard let open = address.lastIndex(of: "<") else { return address }
        let name = address[..<open].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? String(address[open...]) : encodeWords(name) + " " + address[open...]
    }

    /// RFC 2047 « B » encoded words of at most 75 characters, folded; ASCII text is left as is.
    static func encodeWords(_ text: String) -> String {
        let clean = text.filter { $0 != "\r" && $0 != "\n" }
        guard clean.contains(where: { !$0.isASCII }) else { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
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
    let from: String
    let logger: Logger

    func send(_ mail: Mail) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = "\(Int(mail.date.timeIntervalSince1970))-\(UUID().uuidString.prefix(8)).eml"
        try Data(mail.mime(from: from).utf8).write(to: URL(fileURLWithPath: directory + "/" + name), options: .atomic)
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
        input.fileHandleForWriting.write(Data(mail.mime(from: from).utf8))
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
