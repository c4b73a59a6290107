import Foundation
import Testing
@testable import SpasmCore
@testable import SpasmStore

/// Reminders in the journal: numbers that stay put, answers that record once, relief on the session.
@Suite struct ReminderRecordTests {
    let file = TemporaryJournal()
    var settings = ReminderSettings()

    func reminder(_ id: ReminderID, _ kind: ReminderKind, due: Date = now) -> Reminder {
        Reminder(id: id, kind: kind, due: due, scheduled: due, urgency: .normal, title: "t", body: "b", reason: "r")
    }

    @Test func numbersStayTheSameAcrossPlansAndConnections() throws {
        let journal = try file.open()
        let first = try journal.numbers(for: [reminder("ice-on:e:1", .iceOn), reminder("pt:2026-11-29T08:00", .ptRoutine)], now: now)
        let again = try file.open().numbers(for: [reminder("pt:2026-11-29T08:00", .ptRoutine), reminder("ice-on:e:2", .iceOn)], now: now)
        #expect(again["pt:2026-11-29T08:00"] == first["pt:2026-11-29T08:00"])
        #expect(Set(first.values).count == 2)
        #expect(again["ice-on:e:2"].map { !first.values.contains($0) } == true)
    }

    @Test func theReliefAnswerLandsOnTheSessionsTreatment() throws {
        let journal = try file.open()
        let numbers = try journal.numbers(for: [reminder("ice-on:e:1", .iceOn), reminder("relief:ice-off:e:1", .relief)], now: now)
        let done = try journal.answer(numbers["ice-on:e:1"]!, with: .done, now: now, utcOffset: 3600, settings: settings)
        let entryID = try #require(done.entryID)
        let treatment = try #require(try journal.entry(id: entryID))
        #expect(treatment.treatment?.relief == nil)

        _ = try journal.answer(numbers["relief:ice-off:e:1"]!, with: .worse, now: now + 2100, utcOffset: 3600, settings: settings)
        let rated = try #require(try journal.entry(id: treatment.id!))
        #expect(rated.treatment?.relief == 0)
        #expect(rated.note == "felt worse after this session")
        #expect(try journal.reminder(key: "relief:ice-off:e:1")?.answer == .worse)
    }

    @Test func aSecondIdenticalAnswerRecordsNothingMore() throws {
        let journal = try file.open()
        let number = try journal.numbers(for: [reminder("pt:2026-11-29T08:00", .ptRoutine)], now: now).values.first!
        let first = try journal.answer(number, with: .done, now: now, utcOffset: 3600, settings: settings)
        let second = try journal.answer(number, with: .done, now: now + 5, utcOffset: 3600, settings: settings)
        #expect(first.entryID == second.entryID)
        #expect(try journal.entries(kinds: [.treatment]).count == 1)
        #expect(throws: InputError.self) { try journal.answer(number, with: .skip, now: now, utcOffset: 3600, settings: settings) }
    }

    @Test func snoozeKeepsItsEndAndUnknownNumbersAreNamed() throws {
        let journal = try file.open()
        var settings = settings
        settings.snoozeMinutes = 7
        let number = try journal.numbers(for: [reminder("ice-on:e:1", .iceOn)], now: now).values.first!
        let snoozed = try journal.answer(number, with: .snooze, now: now, utcOffset: 3600, settings: settings)
        #expect(snoozed.record.state == .snoozed(until: now + 420))
        #expect(throws: NoSuchReminder.self) { try journal.answer(404, with: .done, now: now, utcOffset: 3600, settings: settings) }
    }

    @Test func aPauseEndsByItselfOrOnResume() throws {
        let journal = try file.open()
        try journal.setPause(PauseWindow(from: now, until: now + 3600))
        #expect(try journal.pause(now: now + 60)?.until == now + 3600)
        #expect(try journal.pause(now: now + 3600) == nil)
        #expect(try journal.clearPause(now: now + 60))
        #expect(try journal.pause(now: now + 60) == nil)
        #expect(try !journal.clearPause(now: now + 60))
    }
}
