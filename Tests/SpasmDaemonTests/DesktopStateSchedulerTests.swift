import Foundation
import Testing
@testable import SpasmCore
@testable import SpasmDaemon
import SpasmIPC
import SpasmNotify
import SpasmStore

/// Do-not-disturb, a locked screen and suspend, as the scheduler hears them from the desktop-state seam.
extension CareSchedulerTests {
    static let doNotDisturb = DesktopState(doNotDisturb: true)
    static let locked = DesktopState(locked: true)

    func logCoffee(milligrams: Double) throws {
        let offset = calendar.timeZone.secondsFromGMT(for: clock.now)
        _ = try journal.add(Entry(at: clock.now, utcOffset: offset, body: .caffeine(CaffeineIntake(milligrams: milligrams, drink: "coffee"))),
                            now: clock.now)
    }

    @Test func doNotDisturbHoldsTheReminderUnrecordedThenShowsItOnceWhenItEnds() throws {
        let scheduler = try scheduler()
        scheduler.desktopChanged(Self.doNotDisturb)
        try logEpisode()
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.isEmpty)
        #expect(try !states().values.contains("shown"))
        #expect(scheduler.statusText().contains("held: do-not-disturb"))
        let status = scheduler.status()
        #expect(status.held == "do-not-disturb")
        #expect(status.next?.kind == "ice-on")
        #expect(status.next?.state == "held")
        // Past missed_after_minutes (120): still held, not missed.
        step(scheduler, minutes: 150)
        #expect(desktop.shown.isEmpty)
        #expect(try !states().values.contains("missed"))

        // 12:30: the ice, and the rest break due at 12:00 that waited with it, in one notification.
        scheduler.desktopChanged(DesktopState())
        pump(scheduler)
        #expect(desktop.shown.map(\.summary) == ["2 reminders"])
        #expect(desktop.shown.first?.body == "• Ice now, 15 min\n• Short rest on your back, 15 min")
        #expect(try states().values.filter { $0 == "shown" }.count == 2)
        #expect(scheduler.status().held == nil)
        step(scheduler, minutes: 0.5)
        #expect(desktop.shown.count == 1)
    }

    @Test func theIceOffWaitsForTheScreenToUnlockAndComesThenHoweverLate() throws {
        let (scheduler, key) = try iceShown()
        desktop.send(.action(key: key, action: "done"))
        pump(scheduler)
        step(scheduler, minutes: 10)
        scheduler.desktopChanged(Self.locked)
        step(scheduler, minutes: 5)
        #expect(scheduler.statusText().contains("held: screen locked"))
        step(scheduler, minutes: 150)
        #expect(desktop.shown.count == 1)
        // 12:45: the relief question alone (its buttons are about one session), then the ice-off
        // with what else fell due meanwhile.
        scheduler.desktopChanged(DesktopState())
        pump(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "How is it after the ice?", "3 reminders"])
        #expect(desktop.shown.last?.body.hasPrefix("• Ice off now") == true)
    }

    @Test func aReminderDueWhileHeldThatIsPastUseAtTheEndIsRecordedMissed() throws {
        var settings = configuration
        settings.reminders.iceDailyCap = 0
        settings.reminders.restDailyCap = 0
        settings.reminders.heatDailyCap = 0
        let scheduler = try scheduler(settings)
        scheduler.desktopChanged(Self.doNotDisturb)
        try logCoffee(milligrams: 300)   // over the 200 mg target: a nudge tied to its moment
        scheduler.replan()
        pump(scheduler)
        #expect(try states().isEmpty)
        step(scheduler, minutes: 30)
        scheduler.desktopChanged(DesktopState())
        pump(scheduler)
        #expect(desktop.shown.isEmpty)
        #expect(try states().values.sorted() == ["missed"])
    }

    @Test func aRedFlagShowsAtOnceAndCriticalWhileHeld() throws {
        let scheduler = try scheduler()
        scheduler.desktopChanged(Self.doNotDisturb)
        try logEpisode(redFlags: [.armWeakness])
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.map(\.urgency) == [.critical])
        #expect(desktop.shown.first?.summary == "Get medical help now")
    }

    @Test func onResumeWhatFellDueAsleepIsShownAtOnceAndOnlyOnce() throws {
        let (scheduler, key) = try iceShown()
        desktop.send(.action(key: key, action: "done"))
        pump(scheduler)
        // Asleep for 20 minutes: the ice-off fell due meanwhile; nothing ran.
        clock.advance(minutes: 20)
        scheduler.resumed()
        pump(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "Ice off now"])
        // The late timer fires too: nothing twice.
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.count == 2)
        // Asleep 200 minutes more, to 13:40: the relief question (10:35) and the next ice (11:15) are
        // past missed_after_minutes and recorded missed; the rest break (12:00) and the ice after
        // the missed one (12:30) are shown, together, once.
        clock.advance(minutes: 200)
        scheduler.resumed()
        pump(scheduler)
        scheduler.replan()
        pump(scheduler)
        #expect(desktop.shown.map(\.summary) == ["Ice now, 15 min", "Ice off now", "2 reminders"])
        #expect(try states().values.filter { $0 == "missed" }.count == 2)
    }

    @Test func aSnoozedReminderGroupedWithANewOneReplacesItsEarlierNotification() throws {
        let (scheduler, key) = try iceShown()
        desktop.send(.action(key: key, action: "snooze"))
        pump(scheduler)
        clock.advance(minutes: 10)
        try logCoffee(milligrams: 300)
        scheduler.replan()
        pump(scheduler)
        let again = try #require(desktop.shown.last)
        #expect(desktop.shown.count == 2)
        #expect(again.key != key)
        #expect(again.replaces == [key])
        #expect(ReminderNotification.numbers(in: again.key)?.count == 2)
    }
}
