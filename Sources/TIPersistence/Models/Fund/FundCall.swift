import FluentKit
import Foundation
import TIDomain

/// An appel à projets of the acceleration fund.
public final class FundCall: Model, @unchecked Sendable {
    public static let schema = "calls"

    // Identity
    @ID(key: .id) public var id: UUID?

    // References
    @Parent(key: "regime_id") public var regime: AidRegimeRecord

    // Data
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    /// `YYYY-MM-DD`
    @Field(key: "opens_on") public var opensOn: String
    @Field(key: "closes_on") public var closesOn: String
    /// Comma-separated `CarrierKind` / `CompanySize` / région codes (empty: all régions).
    @Field(key: "carriers") public var carriers: String
    @Field(key: "sizes") public var sizes: String
    @Field(key: "regions") public var regions: String
    @Field(key: "min_investment_cents") public var minInvestmentCents: Int64
    @Field(key: "start_within_months") public var startWithinMonths: Int
    @Field(key: "collaborative") public var collaborative: Bool
    /// One document per line; nil: `RequiredDocuments.standard`.
    @OptionalField(key: "required_documents") public var requiredDocumentsText: String?

    /// The checklist of documents an application to this call must provide.
    public var requiredDocuments: [String] {
        let listed = (requiredDocumentsText ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return listed.isEmpty ? RequiredDocuments.standard : listed
    }

    // Timestamps
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var rules: CallRules {
        CallRules(
            opensOn: (try? CivilDate(parsing: opensOn)) ?? (try! CivilDate(year: 2000, month: 1, day: 1)),
            closesOn: (try? CivilDate(parsing: closesOn)) ?? (try! CivilDate(year: 2000, month: 1, day: 1)),
            carriers: Set(carriers.split(separator: ",").compactMap { CarrierKind(rawValue: String($0)) }),
            sizes: Set(sizes.split(separator: ",").compactMap { CompanySize(rawValue: String($0)) }),
            minimumInvestment: EuroCents(cents: minInvestmentCents), startWithinMonths: startWithinMonths,
            regions: Set(regions.split(separator: ",").map(String.init)), collaborative: collaborative)
    }

    public func apply(_ rules: CallRules) {
        opensOn = rules.opensOn.iso
        closesOn = rules.closesOn.iso
        carriers = CarrierKind.allCases.filter(rules.carriers.contains).map(\.rawValue).joined(separator: ",")
        sizes = CompanySize.allCases.filter(rules.sizes.contains).map(\.rawValue).joined(separator: ",")
        regions = rules.regions.sorted().joined(separator: ",")
        minInvestmentCents = rules.minimumInvestment.cents
        startWithinMonths = rules.startWithinMonths
        collaborative = rules.collaborative
    }

    public var snapshot: [String: String] {
        [
            "titre": title, "ouverture": opensOn, "cloture": closesOn, "porteurs": carriers, "tailles": sizes,
            "regions": regions, "investissement_minimum_centimes": String(minInvestmentCents),
            "demarrage_mois": String(startWithinMonths), "regime": $regime.id, "collaboratif": collaborative ? "oui" : "non",
        ]
    }
}
