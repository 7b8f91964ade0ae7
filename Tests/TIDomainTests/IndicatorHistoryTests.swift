import Testing

@testable import TIDomain

/// Figures at a date come from the dated history: a later change shows from its own date on and
/// never rewrites an earlier date.
private func d(_ y: Int, _ m: Int, _ day: Int) -> CivilDate { try! CivilDate(year: y, month: m, day: day) }
private func eur(_ euros: Int64) -> EuroCents { EuroCents(euros: euros) }

@Suite("Indicators over time")
struct IndicatorHistoryTests {
    let decided = d(2020, 12, 14)
    let reopened = d(2026, 12, 4)
    let report = d(2021, 9, 24)

    func value(_ id: String, _ data: IndicatorDataset, _ scope: IndicatorScope) throws -> IndicatorResult {
        try #require(try IndicatorEngine.compute(id, in: data, scope: scope))
    }

    /// A laureate of 14 Dec. 2020, reopened today: its decision date and aid are cleared on the
    /// record, the release is dated today. At 2021-09-24 it still counts with its aid and jobs.
    @Test func aReopenedDecisionChangesOnlyTheFiguresFromItsOwnDate() throws {
        let reopenedRecord = ApplicationRecord(
            id: "R", callID: "c", history: [(d(2020, 10, 1), .submitted), (decided, .laureate), (reopened, .inCommittee)],
            decidedOn: decided, regionCode: "84", investment: eur(1_000_000), aidState: .zero, aidRegion: .zero,
            aidChanges: [
                AidChange(date: decided, state: eur(200_000), region: eur(100_000)),
                AidChange(date: reopened, state: eur(-200_000), region: eur(-100_000)),
            ],
            jobsPlanned: 12, relocatedJobs: 5)
        let data = IndicatorDataset(applications: [reopenedRecord])
        let then = IndicatorScope(asOf: report)
        #expect(try value("laureates.count", data, then).result.value == 1)
        #expect(try value("laureates.aid_eur", data, then).result.cents == 30_000_000)
        #expect(try value("laureates.aid_eur.state", data, then).result.cents == 20_000_000)
        #expect(try value("laureates.jobs_planned", data, then).result.value == 12)
        #expect(try value("envelopes.committed_eur", data, then).result.cents == 30_000_000)
        let now = IndicatorScope(asOf: reopened)
        #expect(try value("laureates.count", data, now).result.value == 0)
        #expect(try value("applications.by_state", data, now).rows?.first { $0.key == "in_committee" }?.result.value == 1)
        // The day before the reopening, still a laureate with its aid.
        #expect(try value("laureates.aid_eur", data, IndicatorScope(asOf: d(2026, 12, 3))).result.cents == 30_000_000)
    }

    /// Decided again with a smaller aid: each date sees the aid granted then.
    @Test func aDecisionTakenAgainShowsItsNewAidFromItsDate() throws {
        let second = d(2027, 1, 15)
        let record = ApplicationRecord(
            id: "R", callID: "c", history: [(decided, .laureate), (reopened, .inCommittee), (second, .laureate)],
            decidedOn: decided, regionCode: "84", aidState: eur(150_000),
            aidChanges: [
                AidChange(date: decided, state: eur(200_000)), AidChange(date: reopened, state: eur(-200_000)),
                AidChange(date: second, state: eur(150_000)),
            ])
        let data = IndicatorDataset(applications: [record])
        #expect(try value("laureates.aid_eur", data, IndicatorScope(asOf: report)).result.cents == 20_000_000)
        #expect(try value("laureates.count", data, IndicatorScope(asOf: d(2027, 1, 1))).result.value == 0)
        #expect(try value("laureates.aid_eur", data, IndicatorScope(asOf: second)).result.cents == 15_000_000)
    }

    /// A follow-up entered today about 1 June 2021 counts at 2021-09-24, except « as known at » a date
    /// before it was entered.
    @Test func aLateFollowUpIsLeftOutOfWhatWasKnownBefore() throws {
        let today = d(2026, 12, 4)
        let record = ApplicationRecord(
            id: "F", callID: "c", history: [(decided, .laureate)], decidedOn: decided, regionCode: "84", jobsPlanned: 10,
            followUps: [
                FollowUpRecord(date: d(2021, 3, 1), jobsCreated: 2, investment: eur(100_000), recordedOn: d(2021, 3, 5)),
                FollowUpRecord(date: d(2021, 6, 1), jobsCreated: 10, investment: eur(900_000), recordedOn: today),
            ])
        let data = IndicatorDataset(applications: [record])
        let share = "laureates.share_jobs_created_by_2023"
        #expect(try value(share, data, IndicatorScope(asOf: report)).result.value == 1.0)
        #expect(try value(share, data, IndicatorScope(asOf: report, knownAt: report)).result.value == 0.2)
        #expect(try value(share, data, IndicatorScope(asOf: d(2021, 5, 31))).result.value == 0.2)
    }

    /// 400 M€ at launch, +300 M€ in March 2021, the Régions' 143 M€: the envelopes at a date are the
    /// allotments made by then; a call's envelopes do not exist before it was allotted.
    @Test func envelopesCountFromTheirDatedAllotments() throws {
        let data = IndicatorDataset(envelopes: [
            EnvelopeRecord(callID: "a", region: "84", funder: "state", amount: eur(400_000_000), date: d(2020, 9, 7)),
            EnvelopeRecord(callID: "a", region: "84", funder: "state", amount: eur(300_000_000), date: d(2021, 3, 15)),
            EnvelopeRecord(callID: "a", region: "84", funder: "region", amount: eur(143_000_000), date: d(2021, 4, 1)),
            EnvelopeRecord(callID: "c", region: "84", funder: "state", amount: eur(20_000_000), date: d(2026, 6, 1)),
        ])
        func amount(_ day: CivilDate) throws -> Int64? {
            try value("envelopes.committed_eur", data, IndicatorScope(asOf: day)).parts?["amount"]?.cents
        }
        #expect(try amount(d(2020, 9, 6)) == 0)
        #expect(try amount(d(2020, 12, 15)) == 40_000_000_000)
        #expect(try amount(d(2021, 3, 15)) == 70_000_000_000)
        #expect(try amount(report) == 84_300_000_000)
        #expect(try amount(d(2026, 6, 1)) == 86_300_000_000)
    }

    /// The count follows labelling and end dates: none before the launch, the two that merged in
    /// 2021 count until they left.
    @Test func territoriesCountFollowsTheirLabelAndEndDates() throws {
        let launch = d(2018, 11, 22)
        let data = IndicatorDataset(territories: [
            TerritoryRecord(id: "a", name: "A", regions: ["84"], labelDate: launch),
            TerritoryRecord(id: "b", name: "B", regions: ["84"], labelDate: d(2019, 7, 12)),
            TerritoryRecord(id: "c", name: "C", regions: ["84"], labelDate: launch, endDate: d(2021, 6, 30), active: false),
            TerritoryRecord(id: "d", name: "D", regions: ["84"], labelDate: launch, active: false),
            TerritoryRecord(id: "e", name: "E", regions: ["84"]),
        ])
        func count(_ day: CivilDate) throws -> Double {
            try value("territories.count", data, IndicatorScope(asOf: day)).result.value
        }
        #expect(try count(d(2018, 11, 21)) == 1)  // only the TI without a labelling date
        #expect(try count(launch) == 3)
        #expect(try count(d(2020, 12, 15)) == 4)
        #expect(try count(d(2021, 6, 29)) == 4)
        #expect(try count(d(2021, 6, 30)) == 3)
    }

    /// The share of planned jobs to be created by the end of 2023 is a forecast in the applications,
    /// known at the date it was published; the realised share is its own indicator.
    @Test func plannedJobsByHorizonAreAForecastKnownAtDecision() throws {
        let data = IndicatorDataset(applications: [
            ApplicationRecord(
                id: "1", callID: "c", history: [(decided, .laureate)], decidedOn: decided, jobsPlanned: 10, jobsPlannedBy2023: 4),
            ApplicationRecord(
                id: "2", callID: "c", history: [(decided, .laureate)], decidedOn: decided, jobsPlanned: 20, jobsPlannedBy2023: 10),
            ApplicationRecord(id: "3", callID: "c", history: [(decided, .laureate)], decidedOn: decided, jobsPlanned: 50),
        ])
        let planned = try value("laureates.share_jobs_planned_by_2023", data, IndicatorScope(asOf: report))
        #expect(planned.result.numerator == 14 && planned.result.denominator == 30)
        #expect(planned.result.coverage?.known == 2)
        #expect(try value("laureates.share_jobs_created_by_2023", data, IndicatorScope(asOf: report)).result.coverage?.known == 0)
    }

    /// A call made collaborative on a date, then not: each date sees the flag it had then.
    @Test func aCallsCollaborativeFlagFollowsItsHistory() {
        let record = ApplicationRecord(
            id: "C", callID: "c", collaborative: false,
            collaborativeChanges: [(d(2021, 6, 1), true), (d(2021, 9, 1), false)])
        #expect(!record.isCollaborative(on: d(2021, 5, 31)))
        #expect(record.isCollaborative(on: d(2021, 6, 1)))
        #expect(!record.isCollaborative(on: d(2021, 9, 1)))
        #expect(ApplicationRecord(id: "D", callID: "c", collaborative: true).isCollaborative(on: d(2000, 1, 1)))
    }
}
