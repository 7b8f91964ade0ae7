import Vapor

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
