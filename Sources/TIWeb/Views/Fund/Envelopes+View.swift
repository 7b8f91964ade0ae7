import Plot
import TIDomain
import TIPersistence

extension EnvelopesPage {
    func render() -> String {
        Page(
            title: "Enveloppes", section: .fund, breadcrumbs: [.init(label: "Fonds", url: .fund), .init(label: "Enveloppes", url: nil)],
            content: .group(
                .h1("Enveloppes"),
                Components.figures([
                    .init(value: model.amount.compact, label: "dotées"),
                    .init(
                        value: model.committed.compact, label: "engagées",
                        note: model.amount.cents > 0
                            ? FrenchNumber.percent(Double(model.committed.cents) / Double(model.amount.cents)) + " des dotations" : nil),
                    .init(value: model.paid.compact, label: "versées"),
                    .init(value: (model.amount - model.committed).compact, label: "disponibles"),
                ]),
                Components.table(
                    caption: "Enveloppes par appel, région et financeur",
                    header: ["Appel", "Région", "Financeur", "Montant", "Engagé", "Versé", "Disponible"],
                    rows: model.envelopes.map { e in
                        [
                            Components.cell(e.callTitle), Components.cell(e.regionName),
                            Components.linkCell(e.funder.label + (e.oneForOne ? " (1 pour 1)" : ""), .envelope(e.id)),
                            Components.moneyCell(e.amount.cents), Components.moneyCell(e.committed.cents),
                            Components.moneyCell(e.paid.cents),
                            Components.moneyCell(e.available.cents),
                        ]
                    }, numericColumns: [3, 4, 5, 6], empty: "Aucune enveloppe.")
            )
        ).render()
    }
}

extension EnvelopePage {
    func render() -> String {
        let e = model.envelope
        let title = "Enveloppe \(e.funder.label) — \(e.regionName)"
        return Page(
            title: title, section: .fund, breadcrumbs: [.init(label: "Enveloppes", url: .envelopes), .init(label: title, url: nil)],
            content: .group(
                .h1(.text(title)),
                .p(.class("fr-text--lead"), .text("Appel : \(e.callTitle)")),
                Components.figures([
                    .init(value: e.amount.formatted, label: "montant"),
                    .init(value: e.committed.formatted, label: "engagé"),
                    .init(value: e.paid.formatted, label: "versé"),
                    .init(value: e.available.formatted, label: "disponible"),
                ]),
                .if(
                    model.canEdit,
                    Forms.post(
                        action: SiteURL.envelope(e.id).path,
                        Forms.field(
                            "montant", label: "Nouveau montant (€)", value: "", hint: "Une enveloppe ne peut qu’augmenter (abondement)."),
                        Forms.submit("Abonder l’enveloppe"))),
                .h2(.class("fr-mt-4w"), "Mouvements"),
                Components.table(
                    caption: "Historique des mouvements", header: ["Date", "Nature", "Montant", "Dossier", "Note"],
                    rows: model.movements.map { m in
                        [
                            Components.cell(AuditPage.timestamp(m.atEpoch)), Components.cell(m.kind.label),
                            Components.moneyCell(m.amount.cents),
                            m.applicationID.map { Components.linkCell(m.applicationReference ?? "dossier", .application($0)) }
                                ?? Components.cell("—"),
                            Components.cell(m.note ?? ""),
                        ]
                    }, numericColumns: [2])
            )
        ).render()
    }
}
