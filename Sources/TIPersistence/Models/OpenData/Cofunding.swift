import FluentKit
import Foundation
import TIDomain

/// A grant another body published and imported against one of the fund's applications.
public final class Cofunding: Model, @unchecked Sendable {
    public static let schema = "cofundings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "funder_name") public var funderName: String
    @Field(key: "funder_siret") public var funderSiret: String
    @Field(key: "import_key") public var importKey: String
    @Field(key: "reference") public var reference: String
    @Field(key: "convention_on") public var conventionOn: String
    @Field(key: "amount_cents") public var amountCents: Int64
    @Field(key: "nature") public var nature: String
    @Field(key: "purpose") public var purpose: String
    @Field(key: "beneficiary_name") public var beneficiaryName: String
    @Field(key: "imported_epoch") public var importedEpoch: Double

    public init() {}

    init(application: UUID, _ grant: PublishedGrant, at epoch: Double) {
        id = UUID()
        applicationID = application
        funderSiret = grant.funderSiret.rawValue
        importKey = grant.key
        set(grant, at: epoch)
    }

    func set(_ grant: PublishedGrant, at epoch: Double) {
        funderName = grant.funderName
        reference = grant.reference
        conventionOn = grant.conventionOn.iso
        amountCents = grant.amount.cents
        nature = grant.nature
        purpose = grant.purpose
        beneficiaryName = grant.beneficiaryName
        importedEpoch = epoch
    }

    /// Whether the stored line already says what the file says.
    func says(_ grant: PublishedGrant, application: UUID) -> Bool {
        applicationID == application && funderName == grant.funderName && reference == grant.reference
            && conventionOn == grant.conventionOn.iso && amountCents == grant.amount.cents && nature == grant.nature
            && purpose == grant.purpose && beneficiaryName == grant.beneficiaryName
    }
}
