import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/financement/engagements` (admin): the commitments entered, and the form to record one.
struct CommitmentsPage {
    struct Model {
        var commitments: [FinancingQueries.Commitment]
        var total: Int
        var page: Int
        var pageCount: Int
        var instruments: [FinancingQueries.Instrument]
        var regions: [(code: String, name: String)]
        /// The operator's partner code; nil for an admin (every partner).
        var partner: String? = nil
        var form: CommitmentForm
        var errors: [String: String] = [:]
        var importIssues: [ImportIssue] = []
        var notice: String?
        /// Every partner (admins only: the « add an instrument » form).
        var partners: [(code: String, name: String)] = []
        /// The « add a partner » (`partner` true) or « add an instrument » form as refused.
        var catalogue: (partner: Bool, form: FinancingController.CatalogueForm, errors: [String: String])? = nil
    }

    let model: Model

    /// The admins' forms to add a partner or an instrument (a refused one keeps its values).
    var catalogueForms: Node<HTML.BodyContext> {
        let c = model.catalogue
        func values(_ partner: Bool) -> (FinancingController.CatalogueForm, [String: String]) {
            c?.partner == partner ? (c!.form, c!.errors) : (.init(), [:])
        }
        let (p, pe) = values(true)
        let (i, ie) = values(false)
        return .group(
            .h2(.class("fr-h4 fr-mt-6w"), "Partenaires et instruments"),
            .div(
                .class("fr-grid-row fr-grid-row--gutters"),
                .div(
                    .class("fr-col-12 fr-col-md-6"),
                    .h3(.class("fr-h6"), "Ajouter un partenaire"),
                    .unwrap(pe.isEmpty ? nil : pe) {
                        Forms.alert("error", title: "Partenaire refusé", text: $0.values.sorted().joined(separator: " "))
                    },
                    Forms.post(
                        action: SiteURL.partners.path,
                        Forms.field(
                            "code", label: "Code", value: p.code ?? "", hint: "Par exemple action-logement.", error: pe["code"],
                            id: "champ-partenaire-code"),
                        Forms.field("nom", label: "Nom", value: p.nom ?? "", error: pe["nom"], id: "champ-partenaire-nom"),
                        Forms.select(
                            "genre", label: "Genre", options: [("", "Choisir")] + FunderKind.allCases.map { ($0.rawValue, $0.label) },
                            selected: p.genre ?? "", error: pe["genre"], id: "champ-partenaire-genre"),
                        Forms.submit("Ajouter le partenaire", secondary: true))),
                .div(
                    .class("fr-col-12 fr-col-md-6"),
                    .h3(.class("fr-h6"), "Ajouter un instrument"),
                    .unwrap(ie.isEmpty ? nil : ie) {
                        Forms.alert("error", title: "Instrument refusé", text: $0.values.sorted().joined(separator: " "))
                    },
                    Forms.post(
                        action: SiteURL.instruments.path,
                        Forms.field(
                            "code", label: "Code", value: i.code ?? "", hint: "Par exemple fonds-hydrogene.", error: ie["code"],
                            id: "champ-instrument-code"),
                        Forms.field("nom", label: "Nom", value: i.nom ?? "", error: ie["nom"], id: "champ-instrument-nom"),
                        Forms.select(
                            "partenaire", label: "Partenaire", options: [("", "Choisir")] + model.partners.map { ($0.code, $0.name) },
                            selected: i.partenaire ?? "", error: ie["partenaire"], id: "champ-instrument-partenaire"),
                        Forms.select(
                            "unite", label: "Unité des engagements",
                            options: [("", "Choisir")]
                                + CommitmentUnit.allCases.map { ($0.rawValue, $0 == .euros ? "euros" : $0.label(2)) },
                            selected: i.unite ?? "", error: ie["unite"], id: "champ-instrument-unite"),
                        Forms.submit("Ajouter l’instrument", secondary: true)))))
    }

    /// « 1,5 M€ » or « 7 ateliers et événements ».
    static func engaged(_ c: FinancingQueries.Commitment) -> String {
        c.content.amount?.formatted ?? c.content.quantity.map { "\(FrenchNumber.grouped($0)) \(c.instrument.unit.label($0))" } ?? "—"
    }

    func render() -> String {
        let m = model
        let f = m.form
        return Page(
            title: "Engagements des partenaires", section: .data,
            breadcrumbs: [.init(label: "Financement", url: .financing), .init(label: "Engagements", url: nil)],
            content: .group(
                .h1("Engagements des partenaires"),
                .p(
                    .class("fr-text--lead"),
                    .text(
                        m.partner == nil
                            ? "Les engagements de tous les partenaires, saisis un à un ou importés depuis leur fichier annuel."
                            : "Les engagements de votre organisation, saisis un à un ou importés depuis votre fichier annuel.")),
                .unwrap(m.notice) { Forms.alert("success", title: $0) },
                Forms.importIssues(m.importIssues),
                .if(
                    !m.errors.isEmpty,
                    Forms.errorSummary(
                        m.errors,
                        fields: [
                            ("instrument", "Instrument"), ("date", "Date"), ("montant", "Montant"), ("quantite", "Quantité"),
                            ("region", "Région"), ("territoire", "Territoire"), ("action", "Action"), ("note", "Note"),
                        ])),
                .h2(.class("fr-h4"), "Enregistrer un engagement"),
                .div(
                    .class("ti-narrow"),
                    Forms.post(
                        action: SiteURL.commitments.path,
                        Forms.select(
                            "instrument", label: "Instrument",
                            options: [("", "Choisir")]
                                + m.instruments.filter { !$0.fromFund }.map {
                                    ($0.code, "\($0.partnerName) — \($0.name) (\($0.unit == .euros ? "euros" : $0.unit.label(2)))")
                                }, selected: f.instrument ?? "", error: m.errors["instrument"]),
                        Forms.field("date", label: "Date de l’engagement", type: .date, value: f.date ?? "", error: m.errors["date"]),
                        Forms.field(
                            "montant", label: "Montant en euros (instruments en euros)", value: f.montant ?? "", error: m.errors["montant"],
                            required: false),
                        Forms.field(
                            "quantite", label: "Quantité (autres instruments)", value: f.quantite ?? "", error: m.errors["quantite"],
                            required: false),
                        Forms.select(
                            "region", label: "Région (facultatif)",
                            options: [("", "Toutes / nationale")] + m.regions.map { ($0.code, $0.name) },
                            selected: f.region ?? "", error: m.errors["region"]),
                        Forms.field(
                            "territoire", label: "Territoire d’industrie (identifiant, facultatif)", value: f.territoire ?? "",
                            error: m.errors["territoire"], required: false),
                        Forms.field(
                            "action", label: "Action d’un plan financée (identifiant, facultatif)", value: f.action ?? "",
                            hint: "Celui de l’adresse de l’action, /actions/…", error: m.errors["action"], required: false),
                        Forms.field("note", label: "Note (facultatif)", value: f.note ?? "", error: m.errors["note"], required: false),
                        Forms.submit("Enregistrer l’engagement"))),
                .h2(.class("fr-h4 fr-mt-6w"), "Importer un fichier d’engagements"),
                Forms.csvImport(
                    action: SiteURL.commitmentsImport.path, label: "Fichier CSV des engagements",
                    hint:
                        "Séparateur « ; » ; colonnes \(CommitmentCSV.columns.joined(separator: ", ")). La référence est la vôtre : un engagement déjà importé avec la même référence est mis à jour, jamais doublé. Tout le fichier est vérifié avant d’être enregistré."
                ),
                .if(m.partner == nil, catalogueForms),
                .h2(.class("fr-h4 fr-mt-6w"), .text(Components.plural(m.total, "engagement saisi", "engagements saisis"))),
                Components.table(
                    caption: "Engagements saisis", header: ["Date", "Partenaire", "Instrument", "Engagé", "Région", "Territoire"],
                    rows: m.commitments.map { c in
                        [
                            Components.cell(c.content.on.french), Components.cell(c.instrument.partnerName),
                            Components.cell(c.instrument.name),
                            .td(
                                .class("ti-num"),
                                .text(Self.engaged(c))),
                            Components.cell(c.content.region ?? "—"), Components.cell(c.content.territory?.rawValue ?? "—"),
                        ]
                    }, numericColumns: [3], empty: "Aucun engagement saisi."),
                Components.pagination(page: m.page, pages: m.pageCount) { SiteURL.commitments.path + "?page=\($0)" }
            )
        ).render()
    }
}

/// The commitment form as posted (French field names).
struct CommitmentForm: Codable, Sendable, Equatable {
    var instrument: String?
    var date: String?
    var montant: String?
    var quantite: String?
    var region: String?
    var territoire: String?
    var note: String?
    /// The id of the action financed (prefilled from an action's page).
    var action: String?

    /// The commitment, or what cannot be read (the service checks the rest).
    func content(today: CivilDate) -> Result<CommitmentContent, FundError> {
        var errors: [String: String] = [:]
        var on = today
        do { on = try CivilDate(parsing: date ?? "") } catch { errors["date"] = "Indiquez la date de l’engagement (jj/mm/aaaa)." }
        var amount: EuroCents?
        if let raw = montant?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { amount = try EuroCents(parsingEuros: raw) } catch { errors["montant"] = error.message }
        }
        var quantity: Int?
        if let raw = quantite?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { quantity = try BoundedCount.parse(raw, field: "quantité") } catch { errors["quantite"] = error.message }
        }
        var territory: TerritoryID?
        if let raw = territoire?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            do { territory = try TerritoryID(validating: raw) } catch { errors["territoire"] = error.message }
        }
        var actionID: UUID?
        if let raw = action?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
            actionID = UUID(uuidString: raw)
            if actionID == nil { errors["action"] = "Indiquez l’identifiant de l’action, celui de son adresse /actions/…" }
        }
        guard errors.isEmpty else {
            return .failure(FundError(.invalid, "engagement_invalide", "L’engagement comporte des erreurs.", fields: errors))
        }
        return .success(
            CommitmentContent(
                instrument: instrument ?? "", on: on, region: region.flatMap { $0.isEmpty ? nil : $0 }, territory: territory,
                amount: amount,
                quantity: quantity, note: note, action: actionID))
    }
}
