import Foundation
import Plot
import TIDomain
import TIPersistence

struct LaureatePage {
    var application: ApplicationDetail
    var callTitle: String
    var place: CommuneResolution?

    var communeLine: String {
        guard let p = place else { return application.communeCode ?? "—" }
        return "\(p.commune.name) (\(p.departement.name), \(p.region.name))"
    }

    var territoryNode: Node<HTML.BodyContext> {
        guard let t = place?.territories.first, let id = TerritoryID(t.id) else { return .text("Hors Territoire d’industrie") }
        return .a(.href(SiteURL.territory(id).path), .text(t.name))
    }

    var sectorLine: String { application.content.sector?.label ?? "Non renseignée" }
    var sizeLine: String { application.size?.label ?? "Non renseignée" }

    var aidLine: String {
        let a = application
        let state: String = EuroCents(cents: a.aidStateCents).formatted
        let region: String = EuroCents(cents: a.aidRegionCents).formatted
        return "\(a.aidTotal.formatted) (État \(state), Région \(region))"
    }

    func render() -> String {
        let a = application
        return Page(
            title: a.carrierName ?? "Lauréat", section: .map,
            breadcrumbs: [.init(label: "Carte", url: .map), .init(label: a.carrierName ?? "Lauréat", url: nil)],
            content: .group(
                .div(
                    .class("ti-badges"), Components.badge("Lauréat du fonds d’accélération", kind: "success"),
                    .if(a.territoryID != nil, Components.badge("Territoire d’industrie", kind: "info"))),
                .h1(.text(a.carrierName ?? "Lauréat")),
                // Only what the applicant agreed to publish: never the confidential description.
                .if(
                    a.publicationConsent,
                    .group(.p(.class("fr-text--lead"), .text(a.displayName)), .p(.text(a.publicSummary ?? ""))),
                    else: .p(.class("fr-text--lead"), "Projet lauréat (le porteur n’a pas demandé la publication de sa présentation).")),
                .dl(
                    .class("ti-definitions"),
                    .dt("Commune"), .dd(.text(communeLine)),
                    .dt("Territoire d’industrie"), .dd(territoryNode),
                    .dt("Filière"), .dd(.text(sectorLine)),
                    .dt("Taille"), .dd(.text(sizeLine)),
                    .dt("Investissement prévu"), .dd(.text(EuroCents(cents: a.investmentTotalCents).formatted)),
                    .dt("Aide accordée"), .dd(.text(aidLine)),
                    .dt("Emplois prévus"), .dd(.text(a.jobsCreated.map { FrenchNumber.grouped($0) } ?? "—")),
                    .dt("Décision"), .dd(.text(a.decidedOn.flatMap { try? CivilDate(parsing: $0) }?.french ?? "—")),
                    .dt("Appel"), .dd(.text(callTitle)))
            )
        ).render()
    }
}
