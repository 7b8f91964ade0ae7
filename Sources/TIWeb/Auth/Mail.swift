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
