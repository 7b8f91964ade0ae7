import Foundation
import TIDomain
import Vapor

extension Request {
    /// The text of the CSV file posted as `fichier` (UTF-8, else Latin-1), or the line-1 problem
    /// an import page lists when there is none or it is not text.
    func uploadedCSV() -> Result<String, ImportRejected> {
        guard let file = try? content.get(File.self, at: "fichier"), file.data.readableBytes > 0 else {
            return .failure(ImportRejected([ImportIssue(line: 1, message: "choisissez un fichier CSV à importer")]))
        }
        let bytes = Data(buffer: file.data)
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) else {
            return .failure(ImportRejected([ImportIssue(line: 1, message: "le fichier n’est pas un texte lisible (UTF-8 attendu)")]))
        }
        return .success(text)
    }
}
