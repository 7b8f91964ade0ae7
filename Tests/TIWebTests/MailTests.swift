import Foundation
import Testing

@testable import TIWeb

@Suite("E-mail as MIME")
struct MailTests {
    @Test func headersAreASCIIWithEncodedSubjectDateAndMessageID() throws {
        let mail = Mail(
            to: "porteur@example.fr",
            subject: "Territoires d’industrie — Dossier FA-2026-84-00001 : votre dossier « Ligne d’usinage » a bien été déposé",
            body: "Bonjour,\n\nVotre dossier a été déposé.\n", date: Date(timeIntervalSince1970: 1_796_326_381))
        let text = mail.mime(from: "Territoires d’industrie <ne-pas-repondre@territoires-industrie.gouv.fr>")
        let parts = text.components(separatedBy: "\r\n\r\n")
        let headers = parts[0]
        let ascii = headers.unicodeScalars.allSatisfy(\.isASCII)
        #expect(ascii)
        #expect(headers.contains("From: =?UTF-8?B?") && headers.contains("<ne-pas-repondre@territoires-industrie.gouv.fr>"))
        #expect(headers.contains("Date: ") && headers.contains("Message-ID: <") && headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Content-Type: text/plain; charset=utf-8"))
        // Each encoded word decodes back; together they give the subject.
        let subjectLines = headers.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject: ") }
            .prefix { $0.hasPrefix("Subject: ") || $0.hasPrefix(" ") }
        let decoded = subjectLines.map { line -> String in
            let word = line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
            #expect(word.count <= 75)
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload))!, as: UTF8.self)
        }.joined()
        #expect(decoded == mail.subject)
        let body = String(decoding: Data(base64Encoded: parts[1].replacingOccurrences(of: "\r\n", with: ""))!, as: UTF8.self)
        #expect(body == "Bonjour,\r\n\r\nVotre dossier a été déposé.\r\n")
    }

    @Test func subjectNamesTheFileAndTheEvent() {
        #expect(
            Notifier.subject("Le dossier FA-2026-84-00001 a été complété et renvoyé à l’instruction.", reference: "FA-2026-84-00001")
                == "Territoires d’industrie — Le dossier FA-2026-84-00001 a été complété et renvoyé à l’instruction.")
        #expect(
            Notifier.subject("Votre aide a été versée.", reference: "FA-2026-84-00001")
                == "Territoires d’industrie — Dossier FA-2026-84-00001 : Votre aide a été versée.")
    }
}
