import Vapor

/// Accepted attachments: size and type limits, checked by extension and by the file's first bytes.
enum AttachmentPolicy {
    static let maxBytes = 10 * 1024 * 1024
    static let types: [String: (mime: String, magic: [UInt8])] = [
        "pdf": ("application/pdf", Array("%PDF".utf8)),
        "png": ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        "jpg": ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        "jpeg": ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        "odt": ("application/vnd.oasis.opendocument.text", [0x50, 0x4B, 0x03, 0x04]),
        "ods": ("application/vnd.oasis.opendocument.spreadsheet", [0x50, 0x4B, 0x03, 0x04]),
    ]

    /// The MIME type to store, or a French refusal.
    static func check(filename: String, data: ByteBuffer) throws -> String {
        guard data.readableBytes > 0 else { throw AppError.badRequest("fichier_vide", "Le fichier est vide.") }
        guard data.readableBytes <= maxBytes else {
            throw AppError(.payloadTooLarge, code: "fichier_trop_gros", "Le fichier dépasse 10 Mo.")
        }
        let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard let type = types[ext] else {
            throw AppError(
                .unsupportedMediaType, code: "type_refuse",
                "Type de fichier refusé : joignez un PDF, une image (PNG, JPEG) ou un document bureautique (DOCX, XLSX, ODT, ODS).")
        }
        let head = data.getBytes(at: data.readerIndex, length: min(type.magic.count, data.readableBytes)) ?? []
        guard head == type.magic else {
            throw AppError(
                .unsupportedMediaType, code: "type_incoherent", "Le contenu du fichier ne correspond pas à son extension .\(ext).")
        }
        return type.mime
    }

    /// A safe file name for display and download.
    static func clean(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? "fichier"
        let cleaned = base.filter { $0.isLetter || $0.isNumber || " ._-()".contains($0) }
        return cleaned.isEmpty ? "fichier" : String(cleaned.prefix(120))
    }
}
