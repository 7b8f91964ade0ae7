import Foundation
import TIDomain
import Vapor

/// `ti report --as-of YYYY-MM-DD [--region CODE] --format html|pdf --output FILE`
struct ReportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "Date d’arrêté des chiffres (AAAA-MM-JJ ; par défaut aujourd’hui).")
        var asOf: String?
        @Option(name: "region", help: "Code INSEE de la région, ou OM pour l’Outre-mer (par défaut : France entière).")
        var region: String?
        @Option(name: "format", help: "html ou pdf (par défaut pdf).")
        var format: String?
        @Option(name: "output", help: "Fichier à écrire.")
        var output: String?
    }

    var help: String {
        "Produit le rapport « point d’étape » à une date, national ou régional, en HTML ou en PDF (Chromium headless)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let say = printer(context)
        let format = signature.format ?? "pdf"
        guard ["html", "pdf"].contains(format) else {
            context.console.error("Format « \(format) » inconnu : html ou pdf.")
            throw CommandFailure()
        }
        guard let output = signature.output, !output.isEmpty else {
            context.console.error("Indiquez le fichier à écrire : --output rapport.\(format)")
            throw CommandFailure()
        }
        if format == "pdf", PDFPrinter.executable == nil {
            context.console.error(
                "Chromium est introuvable : installez-le (« apt-get install chromium » sur Debian) ou indiquez son chemin dans TI_CHROMIUM."
            )
            throw CommandFailure()
        }
        try await app.autoMigrate()
        let req = Request(application: app, on: app.eventLoopGroup.next())
        var query: [String] = []
        if let d = signature.asOf { query.append("as_of=\(d.urlQueryEncoded)") }
        if let r = signature.region { query.append("region=\(r.urlQueryEncoded)") }
        req.url = URI(string: "/rapport?" + query.joined(separator: "&"))
        let started = ContinuousClock.now
        do {
            let (asOf, region) = try await ReportController.scope(req)
            say("Calcul du rapport au \(asOf.french)\(region.map { " (région \($0))" } ?? "")…")
            let report = try await ReportBuilder(req: req, asOf: asOf, region: region).build()
            let article = ReportView(report: report).article()
            let data: Data
            if format == "html" {
                data = Data(ReportView.document(article: article, title: report.title, running: ReportController.running(report)).utf8)
            } else {
                say("Impression en PDF par Chromium…")
                data = try await ReportPDF.make(article: article, title: report.title, running: ReportController.running(report))
            }
            try data.write(to: URL(fileURLWithPath: output))
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            context.console.output(
                "\(output) écrit : \(report.figures.count) chiffres, \(FrenchNumber.grouped(data.count / 1024)) Ko, en \(FrenchNumber.grouped(Int(seconds))) s."
                    .consoleText(.success))
        } catch let error as AppError {
            context.console.error(error.reason)
            throw CommandFailure()
        }
    }
}
