import Foundation

/// A decided aid of the fund as the open-data export needs it, in plain values: one funder's part
/// of one laureate's aid (a two-key laureate gives one for the State and one for the Région).
public struct AwardedAid: Sendable, Equatable {
    public var applicationReference: String
    public var agreementReference: String?
    public var callID: UUID
    public var callTitle: String
    public var region: String
    public var funder: DecisionParty
    public var amount: EuroCents
    public var decidedOn: CivilDate
    public var agreementOn: CivilDate?
    public var beneficiary: String
    /// The public summary the company agreed to publish, if any.
    public var publicSummary: String?
    public var paymentDates: [CivilDate]
    public var projectEnd: CivilDate?
    public var regimeID: String

    public init(
        applicationReference: String, agreementReference: String?, callID: UUID, callTitle: String, region: String,
        funder: DecisionParty, amount: EuroCents, decidedOn: CivilDate, agreementOn: CivilDate?, beneficiary: String,
        publicSummary: String?, paymentDates: [CivilDate], projectEnd: CivilDate?, regimeID: String
    ) {
        self.applicationReference = applicationReference
        self.agreementReference = agreementReference
        self.callID = callID
        self.callTitle = callTitle
        self.region = region
        self.funder = funder
        self.amount = amount
        self.decidedOn = decidedOn
        self.agreementOn = agreementOn
        self.beneficiary = beneficiary
        self.publicSummary = publicSummary
        self.paymentDates = paymentDates
        self.projectEnd = projectEnd
        self.regimeID = regimeID
    }
}

/// The SCDL « subventions » format (schema 2.1.1, `schema.data.gouv.fr/scdl/subventions`): one line
/// per aid decision and funder, comma-separated, UTF-8, dates `AAAA-MM-JJ`, decimals with a point,
/// booleans `oui`/`non`.
public enum SCDLSubventions {
    public static let header = [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
        "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE",
        "notificationUE", "pourcentageSubvention", "dispositifAide",
    ]

    /// The fields of one line, or `nil` when the awarding body of this région and funder is not
    /// configured (the catalogue counts these) or the amount is zero.
    ///
    /// - `dateConvention`: the agreement's date, or the decision's before the agreement is signed;
    /// - `referenceDecision`: the agreement's reference, else the application's, with the funder;
    /// - `objet`: the public summary (256 characters at most), else the call it answers;
    /// - `datesPeriodeVersement`: the single scheduled payment's date, or the period from the first
    ///   to the last; without a schedule, from the convention to the project's end;
    /// - `notificationUE`: `oui` under a State-aid scheme notified to the Commission (`SA.…`);
    /// - `idBeneficiaire` stays empty: applications record the company's SIREN, not the SIRET of
    ///   the establishment the schema asks for.
    public static func fields(_ aid: AwardedAid, bodies: AwardingBodies) -> [String]? {
        guard aid.amount > .zero, let body = bodies.body(region: aid.region, funder: aid.funder) else { return nil }
        let convention = aid.agreementOn ?? aid.decidedOn
        let payments = Set(aid.paymentDates).sorted()
        let period: String
        if let first = payments.first, let last = payments.last {
            period = first == last ? first.iso : "\(first.iso)/\(last.iso)"
        } else if let end = aid.projectEnd, convention < end {
            period = "\(convention.iso)/\(end.iso)"
        } else {
            period = convention.iso
        }
        let summary = aid.publicSummary?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let purpose =
            summary.isEmpty
            ? "Projet industriel lauréat de l’appel « \(aid.callTitle) » du fonds d’accélération Territoires d’industrie" : summary
        return [
            body.name, body.siret.rawValue, convention.iso,
            "\(aid.agreementReference ?? aid.applicationReference)-\(aid.funder == .state ? "ETAT" : "REGION")",
            aid.beneficiary, "", "", truncated(purpose, to: 256), decimal(aid.amount), "aide en numéraire",
            payments.count > 1 ? "échelonné" : "unique", period, "", aid.regimeID.hasPrefix("SA.") ? "oui" : "non", "1.00",
            aid.callID.uuidString.lowercased(),
        ]
    }

    /// Euros with a point and two decimals: `123456.70`.
    public static func decimal(_ amount: EuroCents) -> String {
        let cents = amount.cents
        let remainder = abs(cents % 100)
        return "\(cents / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }

    /// At most `limit` Unicode scalars (as the schema's `maxLength` counts), an ellipsis marking a cut.
    public static func truncated(_ text: String, to limit: Int) -> String {
        let flattened = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flattened.unicodeScalars.count > limit else { return flattened }
        var out = String.UnicodeScalarView()
        for scalar in flattened.unicodeScalars.prefix(limit - 1) { out.append(scalar) }
        return String(out).trimmingCharacters(in: .whitespaces) + "…"
    }
}
