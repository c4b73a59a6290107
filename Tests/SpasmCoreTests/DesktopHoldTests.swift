import Foundation
import Testing
@testable import SpasmCore

/// Wednesday 2026-06-10, Berlin summer time.
private func june(_ hour: Int, _ minute: Int = 0, day: Int = 10) -> Date { berlin(2026, 6, day, hour, minute) }

/// The desktop held reminders (do-not-disturb or a locked screen) from `since`, and let go at `until`.
private func holds(_ reason: HoldReason = .doNotDisturb, from since: Date, until: Date? = nil) -> DesktopHolds {
    var holds = DesktopHolds()
    holds.update(DesktopState(doNotDisturb: reason == .doNotDisturb, locked: reason == .locked), at: since)
    if let until { holds.update(DesktopState(), at: until) }
    return holds
}

/// Hold then release, with the planner asked at each moment as spasmd asks it.
@Suite struct DesktopHoldTests {
    /// A reminder of `id` that falls due inside a hold from `since` to `until`: held meanwhile (at
    /// `during`, listed, neither shown nor missed), and at the release either shown then (`shown`) or missed.
    func expectHeldThenReleased(_ id: ReminderID, entries: [Entry], records: [ReminderRecord] = [],
                                _ settings: Configuration = carePlanSettings(), reason: HoldReason = .doNotDisturb,
                                from since: Date, during: Date, until: Date, shown: Bool,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let held = plan(entries, records: records, settings, desktop: holds(reason, from: since), at: during)
        #expect(held.held.map(\.id).contains(id), "held while the desktop holds", sourceLocation: sourceLocation)
        #expect(held.heldBy == reason, sourceLocation: sourceLocation)
        #expect(!held.dueNow.contains { $0.id == id }, "not shown while held", sourceLocation: sourceLocation)
        #expect(!held.missed.contains { $0.id == id }, "not missed while held", sourceLocation: sourceLocation)
        #expect(held.reminder(id) != nil, "listed while held", sourceLocation: sourceLocation)
        let released = plan(entries, records: records, settings, desktop: holds(reason, from: since, until: until), at: until)
        #expect(released.held.isEmpty && released.heldBy == nil, sourceLocation: sourceLocation)
        if shown {
            #expect(released.dueNow.contains { $0.id == id }, "shown when the hold ends", sourceLocation: sourceLocation)
            #expect(released.reminder(id)?.due == until, sourceLocation: sourceLocation)
        } else {
            #expect(released.missed.contains { $0.id == id }, "missed when the hold ends", sourceLocation: sourceLocation)
            #expect(!released.dueNow.contains { $0.id == id }, sourceLocation: sourceLocation)
        }
    }

    @Test func iceOnWaitsForDoNotDisturbAndComesWhenItEndsHoweverLong() {
        // Due at 09:05; three hours of do-not-disturb are past missed_after_minutes (120), yet the
        // session still fits before heat takes over, so it comes at 12:05.
        expectHeldThenReleased(iceOn(1), entries: [episode(june(9, 5))], from: june(9), during: june(9, 5), until: june(9, 30), shown: true)
        expectHeldThenReleased(iceOn(1), entries: [episode(june(9, 5))], from: june(9), during: june(11, 30), until: june(12, 5), shown: true)
        // Nothing else of the session while it waits: no "off" for ice that is not on.
        let held = plan([episode(june(9, 5))], desktop: holds(from: june(9)), at: june(9, 30))
        #expect(held.reminder(iceOff(1)) == nil)
    }

    @Test func iceOffAndTheReliefQuestionAlwaysComeWhenTheScreenUnlocks() {
        // The ice went on at 09:00 (shown, so under way); off due 09:15, locked from 09:10 to 11:45.
        let ice = [ReminderRecord(id: iceOn(1), state: .shown, at: june(9))]
        expectHeldThenReleased(iceOff(1), entries: [episode(june(9))], records: ice, reason: .locked,
                               from: june(9, 10), during: june(10), until: june(11, 45), shown: true)
        // Done at 09:15: the question comes 20 min later, 09:35, inside a hold until 13:00.
        let done = [ReminderRecord(id: iceOn(1), state: .done, at: june(9)), ReminderRecord(id: iceOff(1), state: .done, at: june(9, 15))]
        expectHeldThenReleased("relief:" + iceOff(1), entries: [episode(june(9))], records: done,
                               from: june(9, 30), during: june(10), until: june(13), shown: true)
    }

    @Test func heatOffWaitsForTheHoldToo() {
        // Heat logged at 10:00 with no length: a session under way, its "off" at 10:15.
        let entries = [episode(june(9)), treatment(.heat, june(10))]
        let records = [ReminderRecord(id: iceOn(1), state: .shown, at: june(9)), ReminderRecord(id: iceOff(1), state: .done, at: june(9, 15))]
        let heatOff = "heat-off:\(episodeKey):1"
        expectHeldThenReleased(heatOff, entries: entries, records: records, from: june(10, 5), during: june(10, 20), until: june(13), shown: true)
        // Heat-on 2 (due 11:15) fell due in the same hold and still fits the day: it comes as well.
        expectHeldThenReleased("heat-on:\(episodeKey):2", entries: entries, records: records,
                               from: june(10, 5), during: june(11, 20), until: june(13), shown: true)
    }

    @Test func supineRestComesAfterAShortHold() {
        let records = [ReminderRecord(id: iceOn(1), state: .done, at: june(9)), ReminderRecord(id: iceOff(1), state: .done, at: june(9, 15))]
        let rest = plan([episode(june(9))], records: records, at: june(9, 20)).ids(.supineRest).first!
        expectHeldThenReleased(rest, entries: [episode(june(9))], records: records, from: june(10, 50), during: june(11, 5), until: june(11, 20), shown: true)
    }

    @Test func thePTRoutineComesWithinItsDayElseIsMissed() {
        let settings = carePlanSettings { $0.pt.weekdays = Weekday.allCases; $0.pt.times = [TimeOfDay(parsing: "08:00")!] }
        let pt = "pt-routine:2026-06-10T08:00"
        expectHeldThenReleased(pt, entries: [], settings, from: june(7, 45), during: june(9), until: june(12), shown: true)
        // Held past midnight: the day is over.
        expectHeldThenReleased(pt, entries: [], settings, from: june(7, 45), during: june(23), until: june(0, 10, day: 11), shown: false)
    }

    @Test func aCaffeineNudgeIsTiedToItsMomentAndIsMissedAfterAHold() {
        expectHeldThenReleased("caffeine:2026-06-10", entries: [coffee(june(15))], from: june(14, 50), during: june(15, 5),
                               until: june(15, 30), shown: false)
    }

    @Test func anUrgentRedFlagShowsAtOnceWhileHeldAndALesserOneWaits() {
        let urgent = plan([episode(june(10), redFlags: [.armWeakness])], desktop: holds(from: june(9)), at: june(10))
        #expect(urgent.dueNow.map(\.kind) == [.redFlag])
        #expect(urgent.dueNow.first?.urgency == .critical)
        #expect(!urgent.held.contains { $0.kind == .redFlag })
        let soon = try! #require(RedFlag.allCases.first { $0.urgency != .now })
        let entries = [episode(june(10), redFlags: [soon])]
        let id = plan(entries, at: june(10)).dueNow.first { $0.kind == .redFlag }!.id
        expectHeldThenReleased(id, entries: entries, from: june(9), during: june(10), until: june(16), shown: true)
    }

    @Test func whatWasDueBeforeTheHoldAndNotYetShownWaitsButOlderIsMissed() {
        // Ice-on 1 due 09:00 was not shown (no server); do-not-disturb from 09:30: it waits.
        let waiting = plan([episode(june(9))], desktop: holds(from: june(9, 30)), at: june(9, 40))
        #expect(waiting.held.map(\.id).contains(iceOn(1)))
        // One due long before the hold began is past use as ever.
        let old = plan([coffee(june(15))], desktop: holds(from: june(17, 30)), at: june(17, 40))
        #expect(old.missed.map(\.id) == ["caffeine:2026-06-10"])
    }

    @Test func holdsAreRememberedADayAndAReasonChangeKeepsTheStart() {
        var desktop = DesktopHolds()
        desktop.update(DesktopState(doNotDisturb: true), at: june(9))
        desktop.update(DesktopState(doNotDisturb: true, locked: true), at: june(9, 30))
        #expect(desktop.current == DesktopHolds.Hold(since: june(9), reason: .locked))
        desktop.update(DesktopState(), at: june(10))
        #expect(desktop.current == nil)
        #expect(desktop.ended == [PauseWindow(from: june(9), until: june(10))])
        desktop.update(DesktopState(locked: true), at: june(11, day: 11))
        #expect(desktop.ended.isEmpty)
    }
}
