import Foundation
import Testing
@testable import SpasmCore

/// The weekly PEG check-in reminder: on its weekday and time, out of quiet hours, naming the command,
/// and not when a check-in was already logged that week.
@Suite struct CheckInReminderTests {
    /// Sunday 2026-06-14 in Berlin.
    func sunday(_ hour: Int, _ minute: Int = 0) -> Date { berlin(2026, 6, 14, hour, minute) }

    func checkin(_ at: Date) -> Entry {
        Entry(uuid: UUID(), at: at, utcOffset: berlinCalendar.timeZone.secondsFromGMT(for: at),
              body: .checkin(CheckIn(unchecked: 5, enjoyment: 5, activity: 5)))
    }

    @Test func itComesOnSundayEveningAndNamesTheCommand() throws {
        let reminder = try #require(plan([], at: sunday(17)).reminder("checkin:2026-06-14"))
        #expect(reminder.due == sunday(18))
        #expect(reminder.kind == .checkin && reminder.urgency == .normal)
        #expect(reminder.body.contains("spasm checkin --pain N --enjoyment N --activity N"))
        #expect(ReminderAnswer.choices(for: .checkin) == [.snooze, .skip])
    }

    @Test func aCheckInLoggedThisWeekMakesItUnnecessary() {
        #expect(plan([checkin(berlin(2026, 6, 11, 20))], at: sunday(17)).reminder("checkin:2026-06-14") == nil)
        // One from the week before does not count.
        #expect(plan([checkin(berlin(2026, 6, 7, 18, 30))], at: sunday(17)).reminder("checkin:2026-06-14") != nil)
    }

    @Test func itWaitsForTheEndOfQuietHoursAndFollowsTheSettings() throws {
        let early = carePlanSettings {
            $0.reminders.checkinWeekday = .sun
            $0.reminders.checkinTime = TimeOfDay(hour: 6, minute: 0)!
        }
        let reminder = try #require(plan([], early, at: sunday(5)).reminder("checkin:2026-06-14"))
        #expect(reminder.scheduled == sunday(6) && reminder.due == sunday(7, 30))
        let monday = carePlanSettings { $0.reminders.checkinWeekday = .mon }
        #expect(plan([], monday, at: sunday(17)).reminders.allSatisfy { $0.kind != .checkin })
    }

    @Test func theSettingsFileNamesItsDayAndTime() throws {
        let configuration = try LoadedConfiguration.load(with: """
            [reminders]
            checkin_weekday = "wed"
            checkin_time = "19:30"
            """, file: "config.toml").configuration
        #expect(configuration.reminders.checkinWeekday == .wed)
        #expect(configuration.reminders.checkinTime == TimeOfDay(hour: 19, minute: 30))
    }
}
