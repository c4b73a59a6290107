import Foundation

extension PlanDraft {
    /// A red flag logged in the recent past: urgent care now (critical, whatever the hour), or
    /// see a doctor soon. The id names the flags, so flags added later alert again.
    mutating func addRedFlags(for episodes: [Entry]) {
        for entry in episodes where entry.at >= context.windowStart {
            guard let flags = entry.episode?.redFlags, !flags.isEmpty, let advice = RedFlag.advice(for: flags) else { continue }
            let urgent = flags.contains { $0.urgency == .now }
            let id = "\(ReminderKind.redFlag.rawValue):\(entry.uuid.uuidString.lowercased()):"
                + flags.map(\.rawValue).sorted().joined(separator: "+")
            let (record, due) = context.resolve(id, at: entry.at, usefulUntil: entry.at + hours(72), urgent: urgent)
            add(id, .redFlag, scheduled: entry.at, due: due, record: record, urgency: urgent ? .critical : .normal,
                text: ReminderText.redFlag(advice: advice, urgent: urgent),
                reason: "red flag logged \(CivilTime(entry.at, utcOffset: entry.utcOffset).short)")
        }
    }

    /// At most one nudge a journal day: when the day's total passes the target, or at a drink after the
    /// cut-off hour (or before the day's start hour, which is late the evening before).
    mutating func addCaffeineNudges(for drinks: [Entry]) {
        let c = context.configuration
        var totals: [Int: Double] = [:]
        var nudged: Set<Int> = []
        for entry in drinks {
            guard let intake = entry.caffeine else { continue }
            let day = JournalDay(entry.at, utcOffset: entry.utcOffset, startHour: c.dayStartHour)
            totals[day.dayNumber, default: 0] += intake.milligrams
            guard !nudged.contains(day.dayNumber) else { continue }
            let hour = CivilTime(entry.at, utcOffset: entry.utcOffset).hour
            let late = intake.milligrams > 0 && (hour >= c.caffeineCutoffHour || hour < c.dayStartHour)
            let over = totals[day.dayNumber]! > c.caffeineDailyTargetMg
            guard late || over else { continue }
            nudged.insert(day.dayNumber)
            let id = "\(ReminderKind.caffeineNudge.rawValue):\(day)"
            let (record, due) = context.resolve(id, at: entry.at, usefulUntil: entry.at)
            let text = over
                ? ReminderText.caffeineOverTarget(totalMg: CaffeineInput.format(totals[day.dayNumber]!),
                                                  targetMg: CaffeineInput.format(c.caffeineDailyTargetMg))
                : ReminderText.caffeineLate(cutoff: c.caffeineCutoffHour)
            add(id, .caffeineNudge, scheduled: entry.at, due: due, record: record, urgency: .low, text: text,
                reason: over ? "today's caffeine passed your target" : "a drink after \(c.caffeineCutoffHour):00")
        }
    }

    /// The PT routine at its times on its weekdays, from the lookback to the horizon. One moved out of
    /// quiet hours is still of use the same day.
    mutating func addPTRoutine() {
        let pt = context.configuration.pt
        guard !pt.times.isEmpty, !pt.steps.isEmpty else { return }
        let weekdays = Set(pt.weekdays)
        let text = ReminderText.ptRoutine(name: pt.routine, steps: pt.steps)
        let zone = context.zone
        for day in LocalTime.day(of: context.windowStart, in: zone)...LocalTime.day(of: context.horizonEnd, in: zone)
        where weekdays.contains(Weekday(day: day)) {
            let date = CivilTime(Date(timeIntervalSince1970: Double(day * 86_400)), utcOffset: 0).date
            let endOfDay = TimeOfDay(hour: 0, minute: 0)!.on(day: day + 1, in: zone) - 1
            for time in Set(pt.times).sorted() {
                let id = "\(ReminderKind.ptRoutine.rawValue):\(date)T\(time)"
                let scheduled = time.on(day: day, in: zone)
                let (record, due) = context.resolve(id, at: scheduled, usefulUntil: endOfDay)
                add(id, .ptRoutine, scheduled: scheduled, due: due, record: record, urgency: .normal, text: text,
                    reason: "your \(pt.routine) routine, \(Weekday(day: day).rawValue) \(time)")
            }
        }
    }
}
