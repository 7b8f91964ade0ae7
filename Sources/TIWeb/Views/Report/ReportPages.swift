import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/rapport`: the report at any date and scope, its PDF, and the published editions.
struct ReportPage {
    var article: String
    var asOf: CivilDate
    var region: String?
    var regions: [(code: String, name: String)]
    var editions: [ReportQueries.Edition]

    var query: String { "?as_of=\(asOf.iso)" + (region.map { "&region=\($0.urlQueryEncoded)" } ?? "") }

    func render() -> String {
        Page(
            title: "Rapport « point d’étape »", breadcrumbs: [.init(label: "Rapport", url: nil)], stylesheets: [SiteURL.reportStyle.path],
            content: .group(
                .div(
                    .class("ti-report-tools fr-mb-4w"),
                    .form(
                        .method(.get), .action(SiteURL.report.path), .class("ti-filters"),
                        .ariaLabel("Choisir la date et le périmètre du rapport"),
                        Forms.field(
                            "as_of", label: "Chiffres au", type: .date, value: asOf.iso,
                            hint: "Le rapport est recalculé tel que les données étaient connues à cette date.", required: false),
                        Forms.select(
                            "region", label: "Périmètre",
                            options: [("", "France entière")] + regions.map { ($0.code, $0.name) } + [
                                (IndicatorScope.overseasGroup, "Outre-mer")
                            ],
                            selected: region ?? ""),
                        .div(.class("ti-filters__actions"), .button(.class("fr-btn fr-btn--secondary"), .type(.submit), "Afficher"))),
                    .p(
                        .a(
                            .class("fr-btn fr-icon-download-line fr-btn--icon-left"), .href(SiteURL.reportPDF.path + query),
                            "Télécharger le PDF")),
                    .p(.class("fr-text--sm"), .a(.href(APIURL.report.path + query), "Les chiffres du rapport en JSON (API)")),
                    .if(
                        !editions.isEmpty,
                        .div(
                            .h2(.class("fr-h6"), "Éditions publiées"),
                            .ul(
                                .forEach(editions) { e in
                                    .li(
                                        .a(.href(SiteURL.reportEdition(e.id).path), .text(e.title)),
                                        .text(
                                            " — chiffres au \(e.asOf.french), publiée le \(e.published.map(ReportEditionsPage.day) ?? "")"))
                                })))),
                .raw(article))
        )
        .render()
    }
}

/// `/admin/rapport`: editions and the form that starts one (admins).
struct ReportEditionsPage {
    var editions: [ReportQueries.Edition]
    var regions: [(code: String, name: String)]
    var form: [String: String] = [:]
    var errors: [String: String] = [:]

    static func day(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "fr_FR")
        f.timeZone = TimeZone(identifier: "Europe/Paris")
        f.dateFormat = "d MMMM yyyy"
        return f.string(from: d)
    }

    func render() -> String {
        Page(
            title: "Éditions du rapport", breadcrumbs: [.init(label: "Rapport", url: .report), .init(label: "Éditions", url: nil)],
            content: .group(
                .h1("Éditions du rapport"),
                .p(
                    .class("fr-text--lead"),
                    "Une édition fixe une date d’arrêté et un périmètre, reçoit ses textes (avant-propos, introductions), puis est publiée : ses chiffres et son texte sont alors figés."
                ),
                Components.table(
                    caption: "Éditions", header: ["Édition", "Chiffres au", "Périmètre", "État"],
                    rows: editions.map { e in
                        [
                            Components.linkCell(e.title, e.published == nil ? .reportEditionEdit(e.id) : .reportEdition(e.id)),
                            Components.cell(e.asOf.french),
                            Components.cell(e.region.map { code in regions.first { $0.code == code }?.name ?? code } ?? "France entière"),
                            Components.cell(e.published.map { "Publiée le \(Self.day($0))" } ?? "Brouillon"),
                        ]
                    }, empty: "Aucune édition pour l’instant."),
                .h2("Nouvelle édition"),
                .if(
                    !errors.isEmpty,
                    Forms.errorSummary(errors, fields: [("titre", "Titre"), ("as_of", "Chiffres au"), ("region", "Périmètre")])),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: SiteURL.reportEditions.path,
                        Forms.field("titre", label: "Titre", value: form["titre"] ?? "", error: errors["titre"]),
                        Forms.field("as_of", label: "Chiffres au", type: .date, value: form["as_of"] ?? "", error: errors["as_of"]),
                        Forms.select(
                            "region", label: "Périmètre",
                            options: [("", "France entière")] + regions.map { ($0.code, $0.name) } + [
                                (IndicatorScope.overseasGroup, "Outre-mer")
                            ],
                            selected: form["region"] ?? "", error: errors["region"]),
                        Forms.submit("Créer l’édition"))))
        )
        .render()
    }
}

/// `/admin/rapport/{id}`: a draft edition's texts, its preview and its publication (admins).
struct ReportEditionEditPage {
    var edition: ReportQueries.Edition
    var title: String
    var editorial: [String: String]
    var errors: [String: String] = [:]
    var notice: String? = nil

    func render() -> String {
        let e = edition
        return Page(
            title: "Édition « \(e.title) »",
            breadcrumbs: [.init(label: "Éditions du rapport", url: .reportEditions), .init(label: e.title, url: nil)],
            content: .group(
                .h1(.text(e.title)),
                .p(
                    .text(
                        "Chiffres au \(e.asOf.french) — \(e.region ?? "France entière"). Brouillon : les chiffres suivent les données jusqu’à la publication."
                    )),
                .unwrap(notice) { Forms.alert("success", title: $0) },
                .if(
                    !errors.isEmpty,
                    Forms.errorSummary(errors, fields: [("titre", "Titre")] + ReportSection.catalogue.map { ("texte_\($0.id)", $0.title) })),
                .p(.a(.class("fr-link"), .href(SiteURL.reportEdition(e.id).path), "Prévisualiser l’édition")),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: SiteURL.reportEditionEdit(e.id).path,
                        Forms.field("titre", label: "Titre", value: title, error: errors["titre"]),
                        .forEach(ReportSection.catalogue) { s in
                            .div(
                                .class("fr-input-group" + (errors["texte_\(s.id)"] == nil ? "" : " fr-input-group--error")),
                                .label(
                                    .class("fr-label"), .for("champ-texte_\(s.id)"),
                                    .text(s.id == "avant-propos" ? "Avant-propos" : "Introduction : \(s.title)"),
                                    .span(.class("fr-hint-text"), "Facultatif. Une ligne vide sépare deux paragraphes.")),
                                .textarea(
                                    .class("fr-input"), .id("champ-texte_\(s.id)"), .name("texte_\(s.id)"),
                                    .attribute(named: "rows", value: s.id == "avant-propos" ? "8" : "3"), .text(editorial[s.id] ?? "")),
                                .unwrap(errors["texte_\(s.id)"]) { .p(.class("fr-error-text"), .text($0)) })
                        },
                        Forms.submit("Enregistrer les textes"))),
                .h2("Publier"),
                .p(
                    "La publication fige l’édition : son document et ses chiffres sont enregistrés tels quels et restent téléchargeables à l’identique, même si les données changent ensuite."
                ),
                Forms.post(action: SiteURL.reportEditionPublish(e.id).path, Forms.submit("Publier l’édition")))
        )
        .render()
    }
}

/// `/rapport/editions/{id}`: a published edition as frozen (and what changed since), or a draft's preview.
struct ReportEditionPage {
    struct Change {
        var label: String
        var then: String
        var now: String
    }

    var edition: ReportQueries.Edition
    var article: String
    /// nil for a draft.
    var changes: [Change]?

    func render() -> String {
        let e = edition
        return Page(
            title: e.title, breadcrumbs: [.init(label: "Rapport", url: .report), .init(label: e.title, url: nil)],
            stylesheets: [SiteURL.reportStyle.path],
            content: .group(
                .div(
                    .class("ti-report-tools fr-mb-4w"),
                    e.published == nil
                        ? Forms.alert(
                            "info", title: "Brouillon",
                            text: "Aperçu : les chiffres suivent les données tant que l’édition n’est pas publiée.")
                        : .p(.text("Édition publiée le \(e.published.map(ReportEditionsPage.day) ?? "") : document et chiffres figés.")),
                    .p(
                        .a(
                            .class("fr-btn fr-icon-download-line fr-btn--icon-left"), .href(SiteURL.reportEditionPDF(e.id).path),
                            "Télécharger le PDF")),
                    .unwrap(changes) { changes in
                        .element(
                            named: "details",
                            nodes: [
                                .class("ti-details"),
                                .element(
                                    named: "summary",
                                    text: changes.isEmpty
                                        ? "Aucun chiffre n’a changé depuis la publication"
                                        : "\(Components.plural(changes.count, "chiffre a changé", "chiffres ont changé")) depuis la publication"
                                ),
                                .if(
                                    !changes.isEmpty,
                                    Components.table(
                                        caption: "Recalculés aujourd’hui à la même date", header: ["Chiffre", "Publié", "Aujourd’hui"],
                                        rows: changes.prefix(300).map {
                                            [Components.cell($0.label), Components.cell($0.then), Components.cell($0.now)]
                                        })),
                            ])
                    }),
                .raw(article))
        )
        .render()
    }
}
