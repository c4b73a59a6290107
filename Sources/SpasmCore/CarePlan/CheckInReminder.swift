import Foundation

extension PlanDraft {
    /// The weekly PEG check-in at its weekday and time (`[reminders] checkin_weekday`, `checkin_time`),
    /// unless one was logged in the six days before; moved out of quiet hours, still of use that day.
    /// Its text names the command, so it can be answered from any terminal.
    mutating func addCheckIn(after checkins: [Entry]) {
        let settings = context.settings
        let zone = context.zone
        let text = ReminderText.checkin()
        for day in LocalTime.day(of: context.windowStart, in: zone)...LocalTime.day(of: context.horizonEnd, in: zone)
        where Weekday(day: day) == settings.checkinWeekday {
            let scheduled = settings.checkinTime.on(day: day, in: zone)
            guard !checkins.contains(where: { $0.at > scheduled - hours(6 * 24) && $0.at <= scheduled }) else { continue }
            let date = CivilTime(Date(timeIntervalSince1970: Double(day * 86_400)), utcOffset: 0).date
            let id = "\(ReminderKind.checkin.rawValue):\(date)"
            let endOfDay = TimeOfDay(hour: 0, minute: 0)!.on(day: day + 1, in: zone) - 1
            let (record, due) = context.resolve(id, at: scheduled, usefulUntil: endOfDay)
            add(id, .checkin, scheduled: scheduled, due: due, record: record, urgency: .normal, text: text,
                reason: "the weekly check-in, \(settings.checkinWeekday.rawValue) \(settings.checkinTime)")
        }
    }
}
