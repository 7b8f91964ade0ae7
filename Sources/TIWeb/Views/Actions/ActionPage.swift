import Foundation
import Plot
import TIDomain
import TIPersistence

/// `/actions/{id}`: one action, its history, and the Région's review.
struct ActionPage {
    struct Model {
        var action: ActionSummary
        var history: [ActionQueries.Change]
        var mayEdit: Bool
        var mayReview: Bool
        var seesAll: Bool
        /// The laureates the action led to (those with a public page).
        var laureates: [ActionQueries.LinkedLaureate] = []
        /// The partners' commitments that finance it.
        var commitments: [FinancingQueries.Commitment] = []
        var mayRecordCommitment = false
        /// « partner — instrument » by instrument code, for the funding sought.
        var instrumentNames: [String: String] = [:]
        var notice: String?
        var errors: [String: String] = [:]
        /// The reason as typed, kept after a refusal.
        var reason = ""
    }

    let model: Model

    static let notices: [String: String] = [
        "enregistree": "Action enregistrée : elle attend la validation de la Région.", "validee": "Action validée : elle est publiée.",
        "renvoyee": "Action renvoyée au territoire avec votre motif.",
    ]

    static let events: [String: String] = [
        "creation": "Création", "modification": "Modification", "validation": "Validation par la Région",
        "renvoi": "Renvoi au territoire", "import": "Import du plan",
    ]

    func render() -> String {
        let m = model
        let a = m.action
        let hidden = a.extras.internalFields
        // The public never receives an internal field; the territory, its Région and admins see it marked.
        let c = a.visibleContent(seesAll: m.seesAll)
        func value(_ field: ActionField, _ text: String) -> Node<HTML.DescriptionListContext> {
            if !hidden.contains(field) { return .dd(.text(text)) }
            return m.seesAll
                ? .dd(.text(text + " "), Components.badge("Interne", kind: "warning")) : .dd(.class("fr-hint-text"), "Non publié")
        }
        return Page(
            title: "\(c.reference) — \(c.title)", section: .plans,
            breadcrumbs: [
                .init(label: a.territoryName, url: .territory(a.territoryID)),
                .init(label: "Plan d’actions", url: .territoryPlan(a.territoryID)),
                .init(label: c.reference, url: nil),
            ],
            content: .group(
                .div(
                    .class("ti-badges fr-mb-1w"), Components.badge(c.axis.label, kind: "info"),
                    .if(c.specific, Components.badge("Construite pour le programme", kind: "success")),
                    .if(m.seesAll, Components.badge(a.validation.label, kind: a.validation.badge))),
                .h1(.text(c.title)),
                .p(.class("fr-text--lead"), .text("Action \(c.reference) du plan de \(a.territoryName)")),
                .unwrap(m.notice) { Forms.alert("success", title: $0) },
                .if(
                    m.seesAll && a.validation == .returned,
                    Forms.alert("warning", title: "Renvoyée par la Région", text: a.validationReason)),
                .unwrap(m.errors["general"]) { Forms.alert("error", title: "Action refusée", text: $0) },
                .if(
                    !(hidden.contains(.description) && !m.seesAll),
                    .p(.class("ti-prewrap"), .text(c.description.isEmpty ? "Pas de description." : c.description))),
                .if(hidden.contains(.description) && m.seesAll, .p(Components.badge("Description interne", kind: "warning"))),
                .dl(
                    .class("ti-definitions"),
                    .dt("Thématiques"), .dd(.text(ActionTheme.allCases.filter(c.themes.contains).map(\.label).joined(separator: ", "))),
                    .dt("Type de porteur"), .dd(.text(c.carrierType.label)),
                    .dt("Porteur"), value(.carrier, c.carrierName ?? "—"),
                    .dt("SIREN"), value(.siren, c.siren?.formatted ?? "—"),
                    .dt("Investissement prévu"), value(.investment, c.plannedInvestment?.formatted ?? "non renseigné"),
                    .dt("Statut"), .dd(.text("\(c.status.label) depuis le \(c.statusOn.french)")),
                    .dt("Dans le plan depuis"), .dd(.text(a.createdOn.french)),
                    .dt("Financements recherchés"),
                    .dd(
                        .if(a.extras.sought.isEmpty, .text("Aucun")),
                        .ul(
                            .forEach(a.extras.sought) { s in
                                .li(.text("\(m.instrumentNames[s.instrument] ?? s.instrument) : \(s.amount.formatted)"))
                            })),
                    .dt("Lauréats du fonds issus de l’action"),
                    .dd(
                        .if(m.laureates.isEmpty, .text("Aucun")),
                        .ul(
                            .forEach(m.laureates) { l in
                                .li(.a(.href(SiteURL.laureate(l.id).path), .text("\(l.name) (\(l.reference))")))
                            }))),
                .if(
                    m.mayEdit,
                    .p(.a(.class("fr-btn fr-btn--secondary"), .href(SiteURL.actionEdit(a.id).path), "Modifier l’action"))),
                commitments,
                .if(m.mayReview && a.validation != .validated, review),
                .if(m.seesAll, history)
            )
        ).render()
    }

    /// The partners' commitments that finance the action, and the way to record one.
    var commitments: Node<HTML.BodyContext> {
        let m = model
        return .group(
            .h2(.class("fr-mt-4w"), "Financements des partenaires"),
            Components.table(
                caption: "Engagements des partenaires pour cette action", header: ["Date", "Partenaire", "Instrument", "Engagé"],
                rows: m.commitments.map { c in
                    [
                        Components.cell(c.content.on.french), Components.cell(c.instrument.partnerName), Components.cell(c.instrument.name),
                        .td(
                            .class("ti-num"),
                            .text(CommitmentsPage.engaged(c))),
                    ]
                }, numericColumns: [3], empty: "Aucun engagement de partenaire rattaché à cette action."),
            .if(
                m.mayRecordCommitment,
                .p(
                    .a(
                        .class("fr-btn fr-btn--secondary"), .href(SiteURL.commitments.path + "?action=\(m.action.id.uuidString)"),
                        "Enregistrer un engagement pour cette action"))))
    }

    /// Validate, or send back with a reason.
    var review: Node<HTML.BodyContext> {
        let id = model.action.id
        return .group(
            .h2(.class("fr-mt-4w"), "Validation par la Région"),
            .div(
                .class("fr-grid-row fr-grid-row--gutters"),
                .div(
                    .class("fr-col-12 fr-col-md-4"),
                    Forms.post(
                        action: SiteURL.actionReview(id).path, .input(.type(.hidden), .name("decision"), .value("valider")),
                        Forms.submit("Valider l’action"))),
                .div(
                    .class("fr-col-12 fr-col-md-8"),
                    Forms.post(
                        action: SiteURL.actionReview(id).path, .input(.type(.hidden), .name("decision"), .value("renvoyer")),
                        ApplicationShowPage.textarea("motif", "Motif du renvoi au territoire", model.reason, error: model.errors["motif"]),
                        Forms.submit("Renvoyer au territoire", secondary: true)))))
    }

    var history: Node<HTML.BodyContext> {
        .group(
            .h2(.class("fr-mt-4w"), "Historique"),
            Components.table(
                caption: "Historique de l’action", header: ["Date (heure de Paris)", "Rôle", "Événement", "Motif"],
                rows: model.history.map { h in
                    [
                        Components.cell(AuditPage.timestamp(h.atEpoch)), Components.cell(Role(rawValue: h.actorRole)?.label ?? h.actorRole),
                        Components.cell(Self.events[h.event] ?? h.event), Components.cell(h.reason ?? ""),
                    ]
                }, empty: "Aucun changement enregistré."))
    }
}
