import Foundation
import Testing
@testable import SpasmCore

/// Wednesday 2026-06-10, Berlin summer time.
private func june(_ hour: Int, _ minute: Int = 0, day: Int = 10) -> Date { berlin(2026, 6, day, hour, minute) }

@Suite struct CarePlannerTests {
    @Test func anEpisodeStartsIceAtOnceThenOffThenRepeatsUpToTheCap() {
        let plan = plan([episode(june(9))], at: june(9))
        #expect(plan.dueNow.map(\.id) == [iceOn(1)])
        #expect(plan.reminder(iceOff(1))?.due == june(9, 15))
        let ons = plan.reminders.filter { $0.kind == .iceOn }
        // 15 min on, 60 min from the end of one session to the next, 4 a day, then the next morning.
        #expect(ons.map(\.id).prefix(5) == (1...5).map(iceOn)[...])
        #expect(ons.map(\.due).prefix(5) == [june(9), june(10, 15), june(11, 30), june(12, 45), june(7, 30, day: 11)])
        #expect(ons.allSatisfy { $0.urgency == .normal && $0.title == "Ice now, 15 min" && $0.body.contains("wrapped in a towel") })
        #expect(plan.reminder(iceOff(1))?.body.contains("take the ice off") == true)
        let rests = plan.reminders.filter { $0.kind == .supineRest }
        #expect(rests.map(\.due).prefix(3) == [june(11), june(13), june(15)])
        #expect(rests.first?.body.contains("not bed rest") == true)
        #expect(rests.first?.body.contains("pillow under your knees") == true)
    }

    @Test func quietHoursAcrossMidnightHoldEverythingButRedFlags() {
        // 21:30: the session ends 21:45, before 22:00; the next would fall at 22:45 and moves to 07:30.
        let late = plan([episode(june(21, 30))], at: june(21, 30))
        #expect(late.dueNow.map(\.id) == [iceOn(1)])
        #expect(late.reminder(iceOn(2))?.due == june(7, 30, day: 11))
        // 21:50: a session would run into quiet hours, so the first one waits for the morning.
        let later = plan([episode(june(21, 50))], at: june(21, 50))
        #expect(later.dueNow.isEmpty)
        #expect(later.reminder(iceOn(1))?.due == june(7, 30, day: 11))
        #expect(later.reminder(iceOn(1))?.scheduled == june(7, 30, day: 11))
        // A red flag at 23:00 is shown at once, critical.
        let flagged = plan([episode(june(23), redFlags: [.saddleNumbness])], at: june(23))
        #expect(flagged.dueNow.map(\.kind) == [.redFlag])
        #expect(flagged.dueNow.first?.urgency == .critical)
        #expect(flagged.dueNow.first?.body == RedFlag.advice(for: [.saddleNumbness]))
        #expect(flagged.groups.map(\.urgency) == [.critical])
    }

    @Test func whatCannotWaitForTheMorningIsMissed() {
        // A drink at 23:00 is after the cut-off, but the nudge is no use at 07:30: missed.
        let drinks = [coffee(june(23))]
        #expect(plan(drinks, at: june(22, 59)).reminders.isEmpty)
        #expect(plan(drinks, at: june(23, 30)).missed.map(\.id) == ["caffeine:2026-06-10"])
    }

    @Test func thePTRoutineMovesToTheEndOfQuietHoursTheSameDay() {
        let settings = carePlanSettings {
            $0.pt.weekdays = Weekday.allCases
            $0.pt.times = [TimeOfDay(parsing: "06:00")!]
            $0.pt.routine = "neck"
        }
        let pt = plan([], settings, at: june(5)).reminder("pt-routine:2026-06-10T06:00")
        #expect(pt?.due == june(7, 30))
        #expect(pt?.scheduled == june(6))
        #expect(pt?.title == "PT routine: neck")
        #expect(pt?.body.contains("• Chin tuck: hold 5 s, 5 times") == true)
        #expect(pt?.body.hasSuffix("Stop if your symptoms get worse.") == true)
    }

    @Test(arguments: [(2026, 3, 29, 23.0), (2026, 10, 25, 25.0)])
    func aDSTChangeDayKeepsWallClockTimesAndLosesOrDoublesNothing(year: Int, month: Int, day: Int, length: Double) {
        let settings = carePlanSettings {
            $0.pt.weekdays = Weekday.allCases
            $0.reminders.horizonHours = 72
        }
        let before = berlin(year, month, day - 1, 9)
        let plan = plan([episode(berlin(year, month, day - 1, 21))], settings, at: before)
        #expect(berlin(year, month, day + 1, 0).timeIntervalSince(berlin(year, month, day, 0)) == length * 3600)
        let pt = plan.reminders.filter { $0.kind == .ptRoutine }
        #expect(Set(pt.map(\.id)).count == pt.count)
        for date in [day - 1, day, day + 1] {
            let stamp = String(format: "%04d-%02d-%02d", year, month, date)
            let todays = pt.filter { $0.id.contains(stamp) }
            #expect(todays.map { berlinClock($0.due) } == ["08:00", "18:00"], "PT on \(stamp)")
        }
        // The night across the change: 18:00 to 08:00 is 13 or 15 hours.
        let evening = plan.reminder(String(format: "pt-routine:%04d-%02d-%02dT18:00", year, month, day - 1))!
        let morning = plan.reminder(String(format: "pt-routine:%04d-%02d-%02dT08:00", year, month, day))!
        #expect(morning.due.timeIntervalSince(evening.due) == (length - 10) * 3600)
        // Ice from 21:00 waits past the night for 07:30 local time, after the change.
        #expect(berlinClock(plan.reminder(iceOn(2))!.due) == "07:30")
        #expect(plan.reminder(iceOn(2))!.due == berlin(year, month, day, 7, 30))
    }

    @Test func aTimeSkippedBySpringForwardMovesForwardByTheGap() {
        let day = CivilTime.days(year: 2026, month: 3, day: 29)
        let time = TimeOfDay(parsing: "02:30")!.on(day: day, in: berlinCalendar.timeZone)
        #expect(berlinClock(time) == "03:30")
        #expect(TimeOfDay(parsing: "08:00")!.on(day: day, in: berlinCalendar.timeZone) == berlin(2026, 3, 29, 8))
    }

    @Test func afterASuspendDueRemindersShowOnceGroupedAndOldOnesAreMissed() {
        // Shown on time at 08:00 and 08:15, then the machine slept until 14:05.
        let records = [ReminderRecord(id: iceOn(1), state: .shown, at: june(8)),
                       ReminderRecord(id: iceOff(1), state: .shown, at: june(8, 15))]
        let plan = plan([episode(june(8))], records: records, at: june(14, 5))
        let missedIce = plan.missed.filter { $0.kind == .iceOn }.map(\.id)
        #expect(missedIce == [iceOn(2), iceOn(3), iceOn(4)])
        #expect(!plan.missed.contains { $0.kind == .iceOff })   // no "off" for a session that never began
        #expect(plan.missed.filter { $0.kind == .supineRest }.count == 2)
        #expect(plan.dueNow.map(\.kind) == [.iceOn, .supineRest])
        #expect(plan.dueNow.first?.id == iceOn(5))
        #expect(plan.groups.count == 1)
        #expect(plan.groups.first?.title == "2 reminders")
        // The session begins when it is shown, so its "off" is 15 min from now.
        #expect(plan.reminder(iceOff(5))?.due == june(14, 20))
        // Once shown they are not shown again.
        let shown = plan.dueNow.map { ReminderRecord(id: $0.id, state: .shown, at: june(14, 5)) }
        let missed = plan.missed.map { ReminderRecord(id: $0.id, state: .missed, at: june(14, 5)) }
        let next = CarePlanner.plan(entries: [episode(june(8))], records: records + shown + missed, configuration: carePlanSettings(),
                                    pause: nil, now: june(14, 6), calendar: berlinCalendar)
        #expect(next.dueNow.isEmpty)
        #expect(next.missed.isEmpty)
        #expect(next.reminder(iceOff(5))?.due == june(14, 20))
    }

    @Test func aRestartInTheMiddleOfAnIceSessionKeepsItsOffTime() {
        let entries = [episode(june(9))]
        let done = [ReminderRecord(id: iceOn(1), state: .done, at: june(9, 3))]
        let restarted = plan(entries, records: done, at: june(9, 10))
        #expect(restarted.dueNow.isEmpty)
        #expect(restarted.reminder(iceOff(1))?.due == june(9, 18))
        #expect(plan(entries, records: done, at: june(9, 18)).dueNow.map(\.id) == [iceOff(1)])
        // Ice off done at 09:20: the relief question 20 min later, the next session 60 min later.
        let off = done + [ReminderRecord(id: iceOff(1), state: .done, at: june(9, 20))]
        let after = plan(entries, records: off, at: june(9, 21))
        #expect(after.reminder("relief:\(iceOff(1))")?.due == june(9, 40))
        #expect(after.reminder("relief:\(iceOff(1))")?.urgency == .low)
        #expect(after.reminder(iceOn(2))?.due == june(10, 20))
    }

    @Test func theDailyCapMovesTheNextSessionToTheNextMorning() {
        let settings = carePlanSettings { $0.reminders.horizonHours = 48; $0.reminders.iceDailyCap = 3 }
        let plan = plan([episode(june(7, 30))], settings, at: june(7, 30))
        let ons = plan.reminders.filter { $0.kind == .iceOn }
        #expect(ons.filter { $0.due < june(23) }.count == 3)
        #expect(ons.map(\.due).prefix(5) == [june(7, 30), june(8, 45), june(10), june(7, 30, day: 11), june(8, 45, day: 11)])
    }

    @Test func anEpisodeEndedEarlyStopsItsRemindersButNotAnOffUnderWay() {
        let ended = plan([episode(june(9), ended: june(10))], at: june(9))
        #expect(ended.ids(.iceOn) == [iceOn(1)])
        #expect(ended.ids(.iceOff) == [iceOff(1)])
        #expect(ended.ids(.supineRest).isEmpty)
        // Ended two minutes into a session: the ice still has to come off.
        let shown = [ReminderRecord(id: iceOn(1), state: .done, at: june(9))]
        let underWay = plan([episode(june(9), ended: june(9, 2))], records: shown, at: june(9, 5))
        #expect(underWay.ids(.iceOff) == [iceOff(1)])
        #expect(underWay.ids(.iceOn).isEmpty)
    }

    @Test func aNewerEpisodeTakesOverFromAnOlderOpenOne() {
        let older = episode(june(9), region: .neck)
        let newer = episode(june(9, 30), uuid: "00000000-0000-4000-8000-000000000002")
        let shown = [ReminderRecord(id: iceOn(1), state: .shown, at: june(9))]
        let plan = plan([newer, older], records: shown, at: june(9, 30))
        #expect(plan.ids(.iceOn).filter { $0.hasPrefix("ice-on:\(episodeKey)") } == [iceOn(1)])
        #expect(plan.ids(.iceOff).filter { $0.hasPrefix("ice-off:\(episodeKey)") } == [iceOff(1)])
        // The newer episode's first session waits for the interval after the older one's.
        #expect(plan.reminder("ice-on:00000000-0000-4000-8000-000000000002:1")?.due == june(10, 15))
    }

    @Test func snoozeMovesAReminderAndItsOffSkipDropsBoth() {
        let entries = [episode(june(9))]
        let snoozed = plan(entries, records: [ReminderRecord(id: iceOn(1), state: .snoozed(until: june(9, 10)), at: june(9))], at: june(9, 5))
        #expect(snoozed.dueNow.isEmpty)
        #expect(snoozed.reminder(iceOn(1))?.due == june(9, 10))
        #expect(snoozed.reminder(iceOn(1))?.state == .snoozed(until: june(9, 10)))
        #expect(snoozed.reminder(iceOff(1))?.due == june(9, 25))
        let skipped = plan(entries, records: [ReminderRecord(id: iceOn(1), state: .skipped, at: june(9, 1))], at: june(9, 5))
        #expect(skipped.reminder(iceOn(1)) == nil)
        #expect(skipped.reminder(iceOff(1)) == nil)
        #expect(skipped.reminder(iceOn(2))?.due == june(10, 15))
    }

    @Test func aPauseHoldsBackAllButUrgentRedFlags() {
        let settings = carePlanSettings { $0.pt.weekdays = Weekday.allCases; $0.pt.times = [TimeOfDay(parsing: "08:00")!] }
        let pause = PauseWindow(from: june(8), until: june(11))
        let plan = plan([episode(june(8, 30), redFlags: [.armWeakness, .fever])], settings, pause: pause, at: june(8, 30))
        #expect(plan.dueNow.map(\.kind) == [.redFlag])
        #expect(plan.dueNow.first?.title == "Get medical help now")
        #expect(plan.reminder(iceOn(1))?.due == june(11))
        #expect(plan.reminder("pt-routine:2026-06-10T08:00")?.due == june(11))
        #expect(!plan.reminders.contains { $0.urgency != .critical && pause.contains($0.due) })
    }

    @Test func heatFollowsTheAcuteWindowOrTheUsersChoice() {
        let entries = [episode(june(9))]
        let afterAcute = plan(entries, at: june(10, day: 12))
        #expect(afterAcute.ids(.iceOn).allSatisfy { afterAcute.reminder($0)!.due < june(9, day: 12) })
        #expect(!afterAcute.ids(.heatOn).isEmpty)
        #expect(afterAcute.reminders.first { $0.kind == .heatOn }?.body.contains("never directly on the skin") == true)
        #expect(afterAcute.ids(.supineRest).allSatisfy { afterAcute.reminder($0)!.due < june(9, day: 12) })
        // Heat started at 10:00 with no length: a session under way gets its "off", and ice stops.
        let chosen = plan(entries + [treatment(.heat, june(10))], at: june(10))
        #expect(chosen.ids(.iceOn) == [iceOn(1)])
        #expect(chosen.reminder("heat-off:\(episodeKey):1")?.due == june(10, 15))
        #expect(chosen.reminder("heat-off:\(episodeKey):1")?.body.contains("Never sleep on a heating pad") == true)
        #expect(chosen.reminder("heat-on:\(episodeKey):2")?.due == june(11, 15))
    }

    @Test func oneCaffeineNudgeADayAtMost() {
        let drinks = [coffee(june(8)), coffee(june(10)), coffee(june(12)), coffee(june(15))]
        let atNoon = plan(drinks, at: june(12))
        #expect(atNoon.dueNow.map(\.id) == ["caffeine:2026-06-10"])
        let shown = [ReminderRecord(id: "caffeine:2026-06-10", state: .shown, at: june(12))]
        let plan = plan(drinks, records: shown, at: june(15, 5))
        #expect(plan.dueNow.isEmpty)
        #expect(plan.ids(.caffeineNudge) == ["caffeine:2026-06-10"])
        #expect(plan.reminder("caffeine:2026-06-10")?.due == june(12))
        #expect(plan.reminder("caffeine:2026-06-10")?.title == "Caffeine: 288 mg today")
        #expect(plan.reminder("caffeine:2026-06-10")?.urgency == .low)
        let late = SpasmCoreTests.plan([coffee(june(15))], at: june(15))
        #expect(late.dueNow.map(\.title) == ["Caffeine after 14:00"])
    }

    @Test func nothingIsEverADoseOrADiagnosis() {
        let entries = [episode(june(9), redFlags: RedFlag.allCases), coffee(june(15), mg: 400)]
        let settings = carePlanSettings { $0.pt.weekdays = Weekday.allCases }
        let plan = plan(entries + [treatment(.heat, june(10))], records: [ReminderRecord(id: iceOn(1), state: .done, at: june(9))],
                        settings, at: june(12))
        for reminder in plan.reminders + plan.missed {
            let text = (reminder.title + " " + reminder.body).lowercased()
            for word in [" mg of ", "ibuprofen", "tablet", "dose", "you have a", "diagnos"] {
                #expect(!text.contains(word), "\(reminder.id): \(text)")
            }
        }
    }
}
