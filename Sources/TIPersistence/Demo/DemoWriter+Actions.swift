import FluentKit
import Foundation
import TIDomain

extension DemoWriter {
    /// The action plans, each action with its history: written by the territory, then validated
    /// (or sent back) by its Région three weeks later.
    func writeActions(_ planned: [DemoActionPlan.Planned]) async throws {
        var records: [ActionRecord] = []
        var history: [ActionHistoryEntry] = []
        for p in planned {
            let record = ActionRecord(territory: p.territory, content: p.content, createdOn: p.createdOn)
            func at(_ day: CivilDate, _ role: String) -> AuditLog.Actor {
                AuditLog.Actor(id: nil, role: role, at: Date(timeIntervalSince1970: Self.epoch(day)))
            }
            history.append(ActionHistoryEntry(action: record, event: .creation, by: at(p.createdOn, "territory")))
            record.validation = p.validation
            record.validationReason = p.reason
            let reviewed = min(p.createdOn.adding(days: 21), DemoActionPlan.reportDate)
            switch p.validation {
            case .validated: history.append(ActionHistoryEntry(action: record, event: .validation, by: at(reviewed, "region")))
            case .returned: history.append(ActionHistoryEntry(action: record, event: .renvoi, reason: p.reason, by: at(reviewed, "region")))
            case .pending: break
            }
            records.append(record)
        }
        try await chunks(records, 300) { try await $0.create(on: db) }
        try await chunks(history, 500) { try await $0.create(on: db) }
        say("\(records.count) actions des plans d’actions")
    }
}
