import Foundation
import Vapor

/// Prints a self-contained HTML document to PDF with headless Chromium (Debian's `chromium`),
/// at most two at a time (others get 429), each in its own temporary folder, killed after 30 seconds.
enum PDFPrinter {
    static let slots = PasswordHashing.Gate(capacity: 2)

    /// The Chromium to use: `TI_CHROMIUM`, else the first of Debian's names found.
    static let executable: String? = {
        if let configured = Environment.get("TI_CHROMIUM"), !configured.isEmpty { return configured }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func pdf(from html: String) async throws -> Data {
        guard let chromium = executable else {
            throw AppError(
                .serviceUnavailable, code: "pdf_indisponible",
                "L’impression en PDF n’est pas disponible sur ce serveur : imprimez la page depuis votre navigateur.")
        }
        guard await slots.enter() else {
            throw AppError(
                .tooManyRequests, code: "impressions_saturees", "Trop d’impressions en cours : réessayez dans quelques secondes.")
        }
        do {
            let data = try await print(html, with: chromium)
            await slots.leave()
            return data
        } catch {
            await slots.leave()
            throw error
        }
    }

    private static func print(_ html: String, with chromium: String) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ti-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("document.html")
        let output = folder.appendingPathComponent("document.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 30) { if process.isRunning { process.terminate() } }
        }
        guard status == 0, let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
            throw AppError(
                .serviceUnavailable, code: "pdf_echec",
                "L’impression en PDF a échoué : réessayez dans un instant, ou imprimez la page depuis votre navigateur.")
        }
        return data
    }

    static func response(_ data: Data, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: "application/pdf")
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
