import Foundation
import Plot
import TIDomain
import TIPersistence

/// The page between « Enregistrer et déposer » and the deposit: a summary of the file, the
/// eligibility checks the reviewer will see, the documents, and the sworn statement.
struct ApplicationSubmitPage {
    var application: ApplicationDetail
    var call: CallSummary
    var place: CommuneResolution?
    var checks: [EligibilityCheck]
    var files: [ApplicationFile.Document]
    var error: String?

    func render() -> String {
        let a = application
        let c = application.content
        let id = application.id
        let resubmission = a.state == .informationRequested
        let missing = call.requiredDocuments.filter { name in !files.contains { $0.document == name } }
        let failed = checks.filter { !$0.passed }
        return Page(
            title: resubmission ? "Renvoyer le dossier" : "Déposer le dossier", section: .fund,
            breadcrumbs: [
                .init(label: "Mes dossiers", url: .applications), .init(label: a.reference ?? a.displayName, url: .application(id)),
                .init(label: "Dépôt", url: nil),
            ],
            content: .group(
                .h1(.text(resubmission ? "Vérifier et renvoyer le dossier" : "Vérifier et déposer le dossier")),
                .p(.class("fr-text--lead"), .text("Appel : \(call.title)")),
                .unwrap(error) { Forms.alert("error", title: $0) },
                .h2(.class("fr-h4"), "Récapitulatif"),
                .dl(
                    .class("ti-definitions"),
                    .dt("Porteur"),
                    .dd(.text("\(c.carrierName ?? "—") — SIREN \(Siren(a.organisationSiren)?.formatted ?? a.organisationSiren)")),
                    .dt("Type et taille"), .dd(.text("\(c.carrierKind?.label ?? "—"), \(c.size?.label ?? "—")")),
                    .dt("Site"), .dd(.text(place.map(ApplicationEditPage.placeText) ?? (c.communeCode ?? "—"))),
                    .dt("Projet"), .dd(.text(c.title ?? "—")),
                    .dt("Calendrier"), .dd(.text("du \(c.startDate?.french ?? "—") au \(c.endDate?.french ?? "—")")),
                    .dt("Investissement prévu"), .dd(.text(c.investment.total.formatted)),
                    .dt("Aide demandée"), .dd(.text(c.requestedAid?.formatted ?? "—")),
                    .dt("Emplois"), .dd(.text("\(c.jobsCreated ?? 0) créés, \(c.jobsMaintained ?? 0) maintenus")),
                    .dt("Publication"),
                    .dd(.text(c.publicationConsent ? "Titre et résumé public publiés si le projet est retenu" : "Non demandée"))),
                .p(.a(.href(SiteURL.applicationEdit(id).path), "Modifier le dossier")),
                .h2(.class("fr-h4 fr-mt-4w"), "Contrôles d’éligibilité"),
                .p(
                    .class("fr-hint-text"),
                    "Les contrôles que l’instruction verra. Un critère non conforme n’empêche pas le dépôt, mais le dossier pourra être déclaré inéligible."
                ),
                Components.table(
                    caption: "Contrôles d’éligibilité", header: ["Critère", "Résultat", "Détail"],
                    rows: checks.map { check in
                        [
                            Components.cell(check.label),
                            .td(check.passed ? Components.badgeCell("Conforme", "success") : Components.badgeCell("Non conforme", "error")),
                            Components.cell(check.detail),
                        ]
                    }),
                .if(
                    !failed.isEmpty,
                    Forms.alert(
                        "warning",
                        title: "\(failed.count) critère\(failed.count > 1 ? "s" : "") non conforme\(failed.count > 1 ? "s" : "")",
                        text: failed.map(\.label).joined(separator: " ; "))),
                .h2(.class("fr-h4 fr-mt-4w"), "Pièces justificatives"),
                .ul(
                    .forEach(call.requiredDocuments) { name in
                        let attached = files.filter { $0.document == name }
                        return .li(
                            .text(
                                name + " : "
                                    + (attached.isEmpty
                                        ? "manquante" : attached.map { "\($0.filename) (\($0.sizeLabel))" }.joined(separator: ", "))))
                    }),
                .if(
                    !missing.isEmpty,
                    .p(
                        .class("fr-hint-text"),
                        .text(
                            "\(missing.count) pièce\(missing.count > 1 ? "s" : "") manquante\(missing.count > 1 ? "s" : "") : vous pouvez déposer, l’instruction vous les demandera, ou les joindre d’abord depuis le formulaire."
                        ))),
                Forms.post(
                    action: SiteURL.applicationSubmit(id).path,
                    .fieldset(
                        .class("fr-fieldset fr-mt-4w"),
                        Forms.legend("Attestation sur l’honneur"),
                        .div(
                            .class("fr-fieldset__element"),
                            .div(
                                .class("fr-checkbox-group" + (error == nil ? "" : " fr-checkbox-group--error")),
                                .selfClosedElement(
                                    named: "input",
                                    attributes: [.type(.checkbox), .id("champ-attestation"), .name("attestation"), .value("oui")]),
                                .label(
                                    .class("fr-label"), .for("champ-attestation"),
                                    .text(
                                        "J’atteste sur l’honneur l’exactitude des informations de ce dossier, que le projet n’a pas commencé avant le dépôt, et que l’entreprise est à jour de ses obligations fiscales et sociales."
                                    ))))),
                    .div(
                        .class("fr-btns-group fr-btns-group--inline-md"),
                        .button(
                            .class("fr-btn"), .type(.submit),
                            .text(resubmission ? "Confirmer et renvoyer le dossier" : "Confirmer et déposer le dossier"))))
            )
        ).render()
    }
}
