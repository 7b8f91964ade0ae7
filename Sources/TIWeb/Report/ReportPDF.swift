import Foundation
import Vapor

/// The report printed to PDF by headless Chromium, in two passes: the first finds on which page
/// each section starts (text extracted with `pdftotext`), the second prints the table of contents
/// with those numbers. Kept per document (the hash of its HTML, so per data version and date), the
/// last few only.
enum ReportPDF {
    actor Cache {
        private var entries: [(key: String, pdf: Data)] = []
        func get(_ key: String) -> Data? { entries.first { $0.key == key }?.pdf }
        func put(_ key: String, _ pdf: Data) {
            entries.removeAll { $0.key == key }
            entries.append((key, pdf))
            if entries.count > 8 { entries.removeFirst() }
        }
    }

    static let cache = Cache()

    static let emptyPage = "<span class=\"ti-report__page\"></span>"

    /// `article`: the report's article as `ReportView.article()` writes it (TOC page slots empty).
    static func make(article: String, title: String, running: String) async throws -> Data {
        let first = ReportView.document(article: article, title: title, running: running)
        let key = SHA256.hash(data: Data(first.utf8)).map { String(format: "%02x", $0) }.joined()
        if let cached = await cache.get(key) { return cached }
        let draft = try await PDFPrinter.pdf(from: first)
        var pdf = draft
        if let texts = await pageTexts(draft) {
            let pages = startPages(headings: headings(in: article), texts: texts)
            if !pages.isEmpty {
                pdf = try await PDFPrinter.pdf(
                    from: ReportView.document(article: filling(article, pages: pages), title: title, running: running))
            }
        }
        await cache.put(key, pdf)
        return pdf
    }

    /// The sections' headings in order, as text.
    static func headings(in article: String) -> [String] {
        let open = "<h2 class=\"ti-report__heading\">"
        return article.components(separatedBy: open).dropFirst().compactMap { part in
            part.components(separatedBy: "</h2>").first.map(unescape)
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func squeezed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// For each heading, the first page after the table of contents whose text holds it (nil
    /// when not found: that entry stays without number).
    static func startPages(headings: [String], texts: [String]) -> [Int?] {
        let pages = texts.map(squeezed)
        guard let toc = pages.firstIndex(where: { $0.contains("Sommaire") }) else { return [] }
        var from = toc + 1
        return headings.map { heading in
            let probe = String(squeezed(heading).prefix(28))
            guard let i = pages.indices.first(where: { $0 >= from && pages[$0].contains(probe) }) else { return nil }
            from = i
            return i + 1
        }
    }

    /// The article with its TOC slots filled in order.
    static func filling(_ article: String, pages: [Int?]) -> String {
        var parts = article.components(separatedBy: emptyPage)
        guard parts.count > 1 else { return article }
        var out = parts.removeFirst()
        for (i, rest) in parts.enumerated() {
            let n = i < pages.count ? pages[i].map(String.init) ?? "" : ""
            out += "<span class=\"ti-report__page\">\(n)</span>" + rest
        }
        return out
    }

    /// Each page's text (`pdftotext`, pages split on form feeds); nil without pdftotext.
    static func pageTexts(_ pdf: Data) async -> [String]? {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        return try? await withTemporaryPDF(pdf) { url in
            let text = try await run(tool, ["-enc", "UTF-8", url.path, "-"])
            return text.components(separatedBy: "\u{0C}")
        }
    }

    static func withTemporaryPDF<T>(_ pdf: Data, _ body: (URL) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ti-report-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }

    /// Runs a tool and returns its standard output (UTF-8).
    static func run(_ tool: String, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = try await Task.detached { try pipe.fileHandleForReading.readToEnd() ?? Data() }.value
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
