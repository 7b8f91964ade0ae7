import Foundation
import Plot
import TIDomain

/// Before saving a committee's decisions: what will be recorded, to confirm.
struct CommitteeConfirmPage {
    struct Decision {
        var id: String
        var reference: String
        var carrier: String
        var favourable: Bool
        var motivation: String
    }

    var regionCode: String
    var regionName: String
    /// The committee page the decisions were ticked on (shown again once they are saved).
    var page: Int
    var decisions: [Decision]

    func render() -> String {
        let count = decisions.count
        let noun = "\(count) décision\(count > 1 ? "s" : "")"
        return Page(
            title: "Confirmer les décisions — \(regionName)", section: .fund,
            breadcrumbs: [.init(label: "Comité \(regionName)", url: .committee(regionCode)), .init(label: "Confirmation", url: nil)],
            content: .group(
                .h1(.text("Confirmer \(noun)")),
                Forms.alert(
                    "warning", title: "Vous allez enregistrer \(noun)",
                    text: "Une décision enregistrée ne se modifie plus que par une réouverture motivée."),
                .ul(
                    .forEach(decisions) { d in
                        .li(
                            .strong(.text("\(d.reference) — \(d.carrier) : \(d.favourable ? "favorable" : "défavorable")")),
                            .text(d.motivation.isEmpty ? " (sans motivation)" : " — \(d.motivation)"))
                    }),
                Forms.post(
                    action: CommitteePage.url(regionCode, page: page),
                    .input(.type(.hidden), .name("confirmer"), .value("oui")),
                    .forEach(decisions) { d in
                        .group(
                            .input(.type(.hidden), .name("avis_\(d.id)"), .value(d.favourable ? "favorable" : "defavorable")),
                            .input(.type(.hidden), .name("motivation_\(d.id)"), .value(d.motivation)))
                    },
                    .div(
                        .class("fr-btns-group fr-btns-group--inline-md"),
                        .button(
                            .class("fr-btn"), .type(.submit), .text("Confirmer \(noun == "1 décision" ? "la décision" : "les \(noun)")")),
                        .a(.class("fr-btn fr-btn--secondary"), .href(CommitteePage.url(regionCode, page: page)), "Revenir au comité")))
            )
        ).render()
    }
}
