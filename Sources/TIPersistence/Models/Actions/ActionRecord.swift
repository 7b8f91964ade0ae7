import FluentKit
import Foundation
import TIDomain

/// One action of a territory's plan (fiche action), with the Région's review.
public final class ActionRecord: Model, @unchecked Sendable {
    public static let schema = "actions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "territory_id") public var territoryID: String
    @Field(key: "reference") public var reference: String
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @Field(key: "axis") public var axis: String
    /// Theme codes, comma-separated, in `ActionTheme.allCases` order.
    @Field(key: "themes") public var themes: String
    @Field(key: "carrier_type") public var carrierType: String
    @OptionalField(key: "carrier_name") public var carrierName: String?
    @OptionalField(key: "siren") public var siren: String?
    @OptionalField(key: "planned_investment_cents") public var plannedInvestmentCents: Int64?
    @Field(key: "status") public var status: String
    /// `YYYY-MM-DD`
    @Field(key: "status_on") public var statusOn: String
    @Field(key: "specific") public var specific: Bool
    @Enum(key: "validation") public var validation: ActionValidation
    @OptionalField(key: "validation_reason") public var validationReason: String?
    /// `YYYY-MM-DD`: the day it entered the plan.
    @Field(key: "created_on") public var createdOn: String
    @Field(key: "search_text") public var searchText: String
    /// `ActionField` codes, comma-separated: never published.
    @OptionalField(key: "internal_fields") public var internalFields: String?
    /// References of the fund's applications the action led to, comma-separated.
    @OptionalField(key: "laureate_references") public var laureateReferences: String?
    /// `[ActionExtras.Sought]` as JSON.
    @OptionalField(key: "funding_sought_json") public var fundingSoughtJSON: String?

    /// What the territory said of the sheet beyond its content: internal fields, linked laureates.
    public var extras: ActionExtras {
        get {
            ActionExtras(
                internalFields: ActionField.parse(internalFields),
                laureates: (laureateReferences ?? "").split(separator: ",").map(String.init),
                sought: fundingSoughtJSON.flatMap { try? JSONDecoder().decode([ActionExtras.Sought].self, from: Data($0.utf8)) } ?? [])
        }
        set {
            internalFields = ActionField.stored(newValue.internalFields)
            laureateReferences = newValue.laureates.isEmpty ? nil : newValue.laureates.joined(separator: ",")
            fundingSoughtJSON =
                newValue.sought.isEmpty
                ? nil : (try? JSONEncoder().encode(newValue.sought)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    public init() {}

    public init(id: UUID = UUID(), territory: TerritoryID, content: ActionContent, createdOn: CivilDate) {
        self.id = id
        self.territoryID = territory.rawValue
        self.validation = .pending
        self.createdOn = createdOn.iso
        self.content = content
    }

    /// The sheet as the territory wrote it; stored values that no longer parse read as « autre ».
    public var content: ActionContent {
        get {
            ActionContent(
                reference: reference, title: title, description: description, axis: ActionAxis(rawValue: axis) ?? .attract,
                themes: Set(themes.split(separator: ",").compactMap { ActionTheme(rawValue: String($0)) }),
                carrierType: ActionCarrierType(rawValue: carrierType) ?? .publicBody, carrierName: carrierName,
                siren: siren.flatMap(Siren.init), plannedInvestment: plannedInvestmentCents.map { EuroCents(cents: $0) },
                status: ActionStatus(rawValue: status) ?? .idea, statusOn: (try? CivilDate(parsing: statusOn)) ?? Self.epochDay,
                specific: specific)
        }
        set {
            let newValue = newValue.normalised
            reference = newValue.reference
            title = newValue.title
            description = newValue.description
            axis = newValue.axis.rawValue
            themes = ActionTheme.allCases.filter(newValue.themes.contains).map(\.rawValue).joined(separator: ",")
            carrierType = newValue.carrierType.rawValue
            carrierName = newValue.carrierName
            siren = newValue.siren?.rawValue
            plannedInvestmentCents = newValue.plannedInvestment?.cents
            status = newValue.status.rawValue
            statusOn = newValue.statusOn.iso
            specific = newValue.specific
            searchText = SearchText.normalise([reference, title, carrierName ?? ""].joined(separator: " "))
        }
    }

    static let epochDay = try! CivilDate(year: 2018, month: 11, day: 22)
}
