import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/projets-inspirants/nouveau`: a territory, a Région or an admin proposes a project.
struct InspiringProjectFormPage {
    var form: InspiringProjectForm
    /// The project edited (nil: a new one).
    var projectID: UUID? = nil
    /// The territories the person may write for.
    var territories: [(id: String, name: String)]
    /// The turnkey sites it may stand on.
    var sites: [(id: String, name: String)] = []
    var errors: [String: String] = [:]

    static let fields: [(name: String, label: String)] = [
        ("titre", "Titre"), ("territoire", "Territoire d’industrie"), ("axe", "Priorité"), ("texte", "Le projet"),
        ("laureat", "Dossier lauréat"), ("action", "Action du plan"), ("site", "Site clés en main"), ("image", "Image"),
    ]

    func render() -> String {
        let f = form
        let title = projectID == nil ? "Proposer un projet inspirant" : "Modifier le projet inspirant"
        return Page(
            title: title, section: .plans,
            breadcrumbs: [
                .init(label: "Projets inspirants", url: .inspiring),
                .init(label: projectID == nil ? "Proposer" : "Modifier", url: nil),
            ],
            content: .group(
                .h1(.text(title)),
                .p(
                    .text(
                        projectID == nil
                            ? "Le projet est publié après relecture par l’administration nationale."
                            : "Une fois modifié, le projet est relu à nouveau par l’administration nationale avant d’être publié. Sans nouvelle image, l’image actuelle est gardée."
                    )),
                .if(!errors.isEmpty, Forms.errorSummary(errors, fields: Self.fields)),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: projectID.map { SiteURL.inspiringEdit($0).path } ?? SiteURL.inspiringNew.path, multipart: true,
                        Forms.field("titre", label: "Titre", value: f.titre ?? "", error: errors["titre"]),
                        Forms.select(
                            "territoire", label: "Territoire d’industrie",
                            options: [("", "Choisir")] + territories.map { ($0.id, $0.name) },
                            selected: f.territoire ?? "", error: errors["territoire"]),
                        Forms.select(
                            "axe", label: "Priorité", options: [("", "Choisir")] + ActionAxis.allCases.map { ($0.rawValue, $0.label) },
                            selected: f.axe ?? "", error: errors["axe"]),
                        ApplicationShowPage.textarea(
                            "texte", "Le projet (3 000 caractères au plus)", f.texte ?? "", error: errors["texte"]),
                        Forms.field(
                            "laureat", label: "Référence du dossier lauréat (facultatif)", value: f.laureat ?? "", error: errors["laureat"],
                            required: false),
                        Forms.field(
                            "action", label: "Référence de l’action du plan du territoire (facultatif)", value: f.action ?? "",
                            hint: "Par exemple FA-12.", error: errors["action"], required: false),
                        Forms.select(
                            "site", label: "Site industriel clés en main (facultatif)",
                            options: [("", "Aucun")] + sites.map { ($0.id, $0.name) }, selected: f.site ?? "", error: errors["site"]),
                        .div(
                            .class("fr-upload-group" + (errors["image"] == nil ? "" : " fr-upload-group--error")),
                            .label(
                                .class("fr-label"), .for("champ-image"), "Image (facultatif)",
                                .span(.class("fr-hint-text"), "PNG ou JPEG, 10 Mo au plus. À joindre de nouveau après une erreur.")),
                            .input(
                                .class("fr-upload"), .type(.file), .id("champ-image"), .name("image"),
                                .attribute(named: "accept", value: "image/png,image/jpeg")),
                            .unwrap(errors["image"]) { .p(.class("fr-error-text"), .text($0)) }),
                        Forms.submit("Proposer le projet")))
            )
        ).render()
    }
}

/// The form as posted (the image is read apart, as a file).
struct InspiringProjectForm: Codable, Sendable, Equatable {
    var titre: String?
    var territoire: String?
    var axe: String?
    var texte: String?
    var laureat: String?
    var action: String?
    var site: String?

    /// The value without surrounding spaces; nil when nothing is left.
    static func trimmed(_ value: String?) -> String? {
        value.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
    }

    func content() -> Result<InspiringProjectContent, FundError> {
        var errors: [String: String] = [:]
        let territory = TerritoryID(territoire ?? "")
        if territory == nil { errors["territoire"] = "Choisissez le territoire d’industrie." }
        let axis = ActionAxis(rawValue: axe ?? "")
        if axis == nil { errors["axe"] = "Choisissez la priorité." }
        var siteID: UUID?
        if let raw = site, !raw.isEmpty {
            siteID = UUID(uuidString: raw)
            if siteID == nil { errors["site"] = "Choisissez le site dans la liste." }
        }
        guard let territory, let axis, errors.isEmpty else {
            return .failure(FundError(.invalid, "projet_invalide", "Le projet comporte des erreurs.", fields: errors))
        }
        let c = InspiringProjectContent(
            title: titre ?? "", summary: texte ?? "", axis: axis, territory: territory,
            laureateReference: Self.trimmed(laureat), actionReference: Self.trimmed(action), site: siteID)
        let problems = c.problems()
        return problems.isEmpty
            ? .success(c) : .failure(FundError(.invalid, "projet_invalide", "Le projet comporte des erreurs.", fields: problems))
    }
}

extension InspiringProjectForm {
    /// The form of an existing project.
    init(_ c: InspiringProjectContent) {
        self.init(
            titre: c.title, territoire: c.territory.rawValue, axe: c.axis.rawValue, texte: c.summary, laureat: c.laureateReference,
            action: c.actionReference, site: c.site?.uuidString)
    }
}
