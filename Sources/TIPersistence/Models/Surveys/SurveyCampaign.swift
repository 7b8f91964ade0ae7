import FluentKit
import Foundation
import TIDomain

/// Who a campaign is sent to.
public enum SurveyPopulation: String, Codable, Sendable, CaseIterable {
    /// The territories' accounts (binôme and chef de projet).
    case territories
    /// The fund's laureates: of one call, or decided within a date range.
    case laureates

    public var label: String {
        switch self {
        case .territories: "Territoires d’industrie (binômes et chefs de projet)"
        case .laureates: "Lauréats du fonds"
        }
    }
}

/// A questionnaire sent to a population until a closing date.
public final class SurveyCampaign: Model, @unchecked Sendable {
    public static let schema = "survey_campaigns"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "introduction") public var introduction: String
    /// JSON of a `Questionnaire`.
    @Field(key: "questionnaire") public var questionnaireJSON: String
    @Enum(key: "population") public var population: SurveyPopulation
    @OptionalField(key: "call_id") public var callID: UUID?
    @OptionalField(key: "laureates_from") public var laureatesFrom: String?
    @OptionalField(key: "laureates_to") public var laureatesTo: String?
    /// Last day answers are taken (ISO date, Paris).
    @Field(key: "closes_on") public var closesOn: String
    @Field(key: "created_epoch") public var createdEpoch: Double
    @OptionalField(key: "launched_epoch") public var launchedEpoch: Double?

    public init() {}

    public var questionnaire: Questionnaire {
        (try? JSONDecoder().decode(Questionnaire.self, from: Data(questionnaireJSON.utf8))) ?? Questionnaire(questions: [])
    }

    static func json(_ q: Questionnaire) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(q)) ?? Data("{\"questions\":[]}".utf8), as: UTF8.self)
    }
}
