import Foundation
import Plot
import TIDomain
import TIPersistence

struct CommitteePage {
    var regionCode: String
    var regionName: String
    var applications: [FundApplication]
    var party: DecisionParty?
    var territories: [String: String]
    var results: [UUID: (ok: Bool, message: String)]
    var envelopes: [Envelope]

    func render() -> String {
        let pending = applications.filter { $0.state == .inCommittee }
        let totalProposed = pending.reduce(Int64(0)) { $0 + $1.proposedTotal.cents }
        return Page(title: "Comité — \(regionName)", section: .fund,
                    breadcrumbs: [.init(label: "Dossiers à traiter", url: .queue), .init(label: "Comité \(regionName)", url: nil)],
                    content: .group(
            .h1(.text("Comité régional — \(regionName)")),
            Components.figures([
                .init(value: FrenchNumber.grouped(pending.count), label: "dossiers en comité"),
                .init(value: EuroCents(cents: totalProposed).compact, label: "d’aide proposée"),
                .init(value: FrenchNumber.grouped(pending.reduce(0) { $0 + ($1.jobsCreated ?? 0) }), label: "emplois à créer"),
            ]),
            .if(!envelopes.isEmpty,
                Components.table(caption: "Enveloppes de la région", header: ["Appel", "Financeur", "Montant", "Engagé", "Disponible"],
                                 rows: envelopes.map { e in
                                     [Components.cell(e.call.title), Components.cell(e.funder.label), Components.moneyCell(e.amountCents),
                                      Components.moneyCell(e.committedCents), Components.moneyCell(e.amountCents - e.committedCents)]
                                 }, numericColumns: [2, 3, 4])),
            .if(party == nil, .p(.class("fr-text--sm"), "Seules la préfecture de région et la Région enregistrent des décisions ; vous consultez le comité.")),
            applications.isEmpty
                ? Components.emptyState(title: "Aucun dossier en comité", text: "Les dossiers instruits et inscrits en comité apparaîtront ici.")
                : Forms.post(action: SiteURL.committee(regionCode).path,
                    .div(.class("fr-table ti-table"), .div(.class("fr-table__wrapper"), .div(.class("fr-table__container"), .div(.class("fr-table__content"),
                        .table(
                            .caption(.text("Dossiers en comité")),
                            .thead(.tr(.th("Dossier"), .th("Chiffres clés"), .th("Avis État"), .th("Avis Région"),
                                       .if(party != nil, .th(.text("Décision \(party == .state ? "de l’État" : "de la Région")"))))),
                            .tbody(.forEach(applications) { a in row(a) })))))),
                    .if(party != nil, Forms.submit("Enregistrer les décisions cochées")))
        )).render()
    }

    func row(_ a: FundApplication) -> Node<HTML.TableContext> {
        let key = a.id!.uuidString
        func opinion(_ d: PartyDecision?) -> Node<HTML.TableRowContext> {
            .td(d.map { $0.favourable ? Components.badgeCell("Favorable", "success") : Components.badgeCell("Défavorable", "error") }
                ?? Components.badgeCell("En attente", "new"))
        }
        let mine = party.flatMap { a.decision(of: $0) }
        return .tr(
            .td(.a(.href(SiteURL.application(key).path), .text(a.reference ?? "—")), .br(), .text(a.carrierName ?? ""), .br(),
                .span(.class("fr-text--sm"), .text(a.displayName)),
                .unwrap(results[a.id!]) { r in .p(.class(r.ok ? "fr-message fr-message--valid" : "fr-message fr-message--error"), .text(r.message)) }),
            .td(.class("fr-text--sm"),
                .text("Investissement \(EuroCents(cents: a.investmentTotalCents).compact) · aide proposée \(a.proposedTotal.compact) (État \(EuroCents(cents: a.proposedStateCents ?? 0).compact), Région \(EuroCents(cents: a.proposedRegionCents ?? 0).compact)) · \(a.jobsCreated ?? 0) emplois"),
                .br(),
                .text([a.territoryID.flatMap { territories[$0] }.map { "TI \($0)" } ?? "hors TI", a.fragile ? "territoire fragile" : nil, a.size.flatMap(CompanySize.init(rawValue:))?.label]
                        .compactMap { $0 }.joined(separator: " · "))),
            opinion(a.decision(of: .state)), opinion(a.decision(of: .region)),
            .if(party != nil,
                a.state == .inCommittee && mine == nil
                    ? .td(
                        .div(.class("fr-radio-group fr-radio-group--sm"),
                             .input(.type(.radio), .id("f-\(key)"), .name("avis_\(key)"), .value("favorable")),
                             .label(.class("fr-label"), .for("f-\(key)"), "Favorable")),
                        .div(.class("fr-radio-group fr-radio-group--sm"),
                             .input(.type(.radio), .id("d-\(key)"), .name("avis_\(key)"), .value("defavorable")),
                             .label(.class("fr-label"), .for("d-\(key)"), "Défavorable")),
                        .label(.class("fr-label fr-text--sm"), .for("m-\(key)"), "Motivation"),
                        .textarea(.class("fr-input"), .id("m-\(key)"), .name("motivation_\(key)"), .attribute(named: "rows", value: "2")))
                    : .td(.text(mine == nil ? a.state.label : "Déjà décidé")))
        )
    }
}

struct EnvelopesPage {
    var envelopes: [Envelope]
    var canEdit: Bool

    func render() -> String {
        let amount = envelopes.reduce(Int64(0)) { $0 + $1.amountCents }
        let committed = envelopes.reduce(Int64(0)) { $0 + $1.committedCents }
        let paid = envelopes.reduce(Int64(0)) { $0 + $1.paidCents }
        return Page(title: "Enveloppes", section: .fund, breadcrumbs: [.init(label: "Fonds", url: .fund), .init(label: "Enveloppes", url: nil)], content: .group(
            .h1("Enveloppes"),
            Components.figures([
                .init(value: EuroCents(cents: amount).compact, label: "dotées"),
                .init(value: EuroCents(cents: committed).compact, label: "engagées", note: amount > 0 ? FrenchNumber.percent(Double(committed) / Double(amount)) + " des dotations" : nil),
                .init(value: EuroCents(cents: paid).compact, label: "versées"),
                .init(value: EuroCents(cents: amount - committed).compact, label: "disponibles"),
            ]),
            Components.table(
                caption: "Enveloppes par appel, région et financeur",
                header: ["Appel", "Région", "Financeur", "Montant", "Engagé", "Versé", "Disponible"],
                rows: envelopes.map { e in
                    [Components.cell(e.call.title), Components.cell(e.region.name),
                     Components.linkCell(e.funder.label + (e.oneForOne ? " (1 pour 1)" : ""), .envelope(e.id!.uuidString)),
                     Components.moneyCell(e.amountCents), Components.moneyCell(e.committedCents), Components.moneyCell(e.paidCents),
                     Components.moneyCell(e.amountCents - e.committedCents)]
                }, numericColumns: [3, 4, 5, 6], empty: "Aucune enveloppe.")
        )).render()
    }
}

struct EnvelopePage {
    var envelope: Envelope
    var movements: [EnvelopeMovement]
    var references: [UUID: String]
    var canEdit: Bool

    func render() -> String {
        let e = envelope
        let title = "Enveloppe \(e.funder.label) — \(e.region.name)"
        return Page(title: title, section: .fund, breadcrumbs: [.init(label: "Enveloppes", url: .envelopes), .init(label: title, url: nil)], content: .group(
            .h1(.text(title)),
            .p(.class("fr-text--lead"), .text("Appel : \(e.call.title)")),
            Components.figures([
                .init(value: EuroCents(cents: e.amountCents).formatted, label: "montant"),
                .init(value: EuroCents(cents: e.committedCents).formatted, label: "engagé"),
                .init(value: EuroCents(cents: e.paidCents).formatted, label: "versé"),
                .init(value: EuroCents(cents: e.amountCents - e.committedCents).formatted, label: "disponible"),
            ]),
            .if(canEdit,
                Forms.post(action: SiteURL.envelope(e.id!.uuidString).path,
                           Forms.field("montant", label: "Nouveau montant (€)", value: "", hint: "Une enveloppe ne peut qu’augmenter (abondement)."),
                           Forms.submit("Abonder l’enveloppe"))),
            .h2(.class("fr-mt-4w"), "Mouvements"),
            Components.table(
                caption: "Historique des mouvements", header: ["Date", "Nature", "Montant", "Dossier", "Note"],
                rows: movements.map { m in
                    [Components.cell(AuditPage.timestamp(m.atEpoch)), Components.cell(m.kind.label), Components.moneyCell(m.amountCents),
                     m.applicationID.map { Components.linkCell(references[$0] ?? "dossier", .application($0.uuidString)) } ?? Components.cell("—"),
                     Components.cell(m.note ?? "")]
                }, numericColumns: [2])
        )).render()
    }
}
