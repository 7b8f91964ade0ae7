import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/admin/sites` (a new site) and `/admin/sites/{id}` (an existing one): a turnkey site (admins).
struct SiteFormPage {
    var form: SiteForm
    /// The site edited (nil: a new one).
    var siteID: UUID? = nil
    var errors: [String: String] = [:]

    static let fields: [(name: String, label: String)] = [
        ("nom", "Nom du site"), ("commune", "Commune"), ("surface", "Surface"), ("disponible", "Surface disponible"),
        ("vague", "Vague"), ("contact_nom", "Contact"), ("contact_courriel", "Courriel du contact"), ("implantations", "Implantations"),
        ("laureat", "Lauréat du fonds installé"),
    ]

    func render() -> String {
        let f = form
        let title = siteID == nil ? "Enregistrer un site clés en main" : "Modifier le site \(f.nom ?? "")"
        return Page(
            title: title,
            breadcrumbs: [
                .init(label: "Sites clés en main", url: .sites),
                siteID.map { .init(label: f.nom ?? "Site", url: .site($0)) } ?? .init(label: "Nouveau site", url: nil),
            ] + (siteID == nil ? [] : [.init(label: "Modifier", url: nil)]),
            content: .group(
                .h1(.text(title)),
                .if(!errors.isEmpty, Forms.errorSummary(errors, fields: Self.fields)),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: siteID.map { SiteURL.adminSite($0).path } ?? SiteURL.adminSites.path,
                        Forms.field("nom", label: "Nom du site", value: f.nom ?? "", error: errors["nom"]),
                        Forms.field("commune", label: "Commune (code INSEE)", value: f.commune ?? "", error: errors["commune"]),
                        Forms.field("surface", label: "Surface (ha)", value: f.surface ?? "", error: errors["surface"]),
                        Forms.field("disponible", label: "Surface disponible (ha)", value: f.disponible ?? "", error: errors["disponible"]),
                        .fieldset(
                            .class("fr-fieldset"), Forms.legend("Procédures anticipées ou purgées"),
                            ApplicationEditPage.checkboxes(
                                "procedures",
                                [
                                    ("urbanisme", "Urbanisme"), ("archeologie", "Archéologie préventive"),
                                    ("environnement", "Environnement"),
                                ],
                                selected: Set(f.procedures ?? []))),
                        Forms.select(
                            "vague", label: "Vague de qualification",
                            options: [("", "Choisir")] + SiteWave.allCases.map { ($0.rawValue, $0.label) },
                            selected: f.vague ?? "", error: errors["vague"]),
                        Forms.field(
                            "contact_nom", label: "Contact (facultatif)", value: f.contactNom ?? "", error: errors["contact_nom"],
                            required: false),
                        Forms.field(
                            "contact_courriel", label: "Courriel du contact (facultatif)", type: .email, value: f.contactCourriel ?? "",
                            error: errors["contact_courriel"], required: false),
                        Forms.field(
                            "implantations", label: "Entreprises implantées (facultatif)", value: f.implantations ?? "",
                            error: errors["implantations"], required: false),
                        Forms.field(
                            "laureat", label: "Lauréat du fonds installé sur le site (référence du dossier, facultatif)",
                            value: f.laureat ?? "", error: errors["laureat"], required: false),
                        Forms.submit("Enregistrer le site")))
            )
        ).render()
    }
}

/// The site form as posted (French field names).
struct SiteForm: Codable, Sendable, Equatable {
    var nom: String?
    var commune: String?
    var surface: String?
    var disponible: String?
    var procedures: [String]?
    var vague: String?
    var contactNom: String?
    var contactCourriel: String?
    var implantations: String?
    var laureat: String?

    enum CodingKeys: String, CodingKey {
        case nom, commune, surface, disponible, procedures, vague, implantations, laureat
        case contactNom = "contact_nom"
        case contactCourriel = "contact_courriel"
    }

    func content() -> Result<SiteContent, FundError> {
        var errors: [String: String] = [:]
        let code = InseeCode(commune ?? "")
        if code == nil { errors["commune"] = "Indiquez le code INSEE de la commune (5 caractères, par exemple 71204)." }
        let surfaceM2 = SiteContent.parseHectares(surface ?? "")
        if surfaceM2 == nil { errors["surface"] = "Indiquez la surface en hectares, par exemple 12,5." }
        let availableM2 = SiteContent.parseHectares(disponible ?? "")
        if availableM2 == nil { errors["disponible"] = "Indiquez la surface disponible en hectares, par exemple 8." }
        let wave = SiteWave(rawValue: vague ?? "")
        if wave == nil { errors["vague"] = "Choisissez la vague de qualification." }
        guard let code, let surfaceM2, let availableM2, let wave else {
            return .failure(FundError(.invalid, "site_invalide", "Le site comporte des erreurs.", fields: errors))
        }
        let p = Set(procedures ?? [])
        let content = SiteContent(
            name: nom ?? "", commune: code, surface: surfaceM2, available: availableM2, planningCleared: p.contains("urbanisme"),
            archaeologyCleared: p.contains("archeologie"), environmentCleared: p.contains("environnement"), wave: wave,
            contactName: contactNom,
            contactEmail: contactCourriel, settled: implantations)
        errors.merge(content.problems()) { first, _ in first }
        return errors.isEmpty
            ? .success(content) : .failure(FundError(.invalid, "site_invalide", "Le site comporte des erreurs.", fields: errors))
    }
}

extension SiteForm {
    /// The form of an existing site.
    init(_ c: SiteContent, laureate: String?) {
        nom = c.name
        commune = c.commune.rawValue
        surface = SiteContent.hectares(c.surface).replacingOccurrences(of: " ha", with: "")
        disponible = SiteContent.hectares(c.available).replacingOccurrences(of: " ha", with: "")
        procedures = [(c.planningCleared, "urbanisme"), (c.archaeologyCleared, "archeologie"), (c.environmentCleared, "environnement")]
            .filter(\.0).map(\.1)
        vague = c.wave.rawValue
        contactNom = c.contactName
        contactCourriel = c.contactEmail
        implantations = c.settled
        laureat = laureate
    }
}
