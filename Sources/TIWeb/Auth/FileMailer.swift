import Vapor

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
