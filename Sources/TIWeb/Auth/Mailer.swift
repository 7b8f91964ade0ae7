import Vapor

/// Where e-mails go. Production: `sendmail` (an MTA such as msmtp relaying to the SMTP server);
/// development: files in `var/mail/`; tests: captured in memory.
protocol Mailer: Sendable {
    func send(_ mail: Mail) async throws
}
