import Foundation

/// A kind of session the plan repeats during an episode: ice, heat, or a supine-rest break.
struct SessionKind {
    var on: ReminderKind
    /// The "off" reminder when the session time is up; nil for rest breaks.
    var off: ReminderKind?
    /// "ice", "heat", for the relief question.
    var treatment: String
    var length: TimeInterval
    /// Ice and heat: from the end of a session to the next; rest: from one break to the next.
    var interval: TimeInterval
    var dailyCap: Int
    var onText: ReminderText.Text
    var offText: ReminderText.Text

    static func ice(_ s: ReminderSettings) -> SessionKind {
        SessionKind(on: .iceOn, off: .iceOff, treatment: "ice", length: minutes(s.iceMinutes),
                    interval: minutes(s.iceIntervalMinutes), dailyCap: s.iceDailyCap,
                    onText: ReminderText.iceOn(minutes: s.iceMinutes), offText: ReminderText.iceOff(minutes: s.iceMinutes))
    }

    static func heat(_ s: ReminderSettings) -> SessionKind {
        SessionKind(on: .heatOn, off: .heatOff, treatment: "heat", length: minutes(s.heatMinutes),
                    interval: minutes(s.heatIntervalMinutes), dailyCap: s.heatDailyCap,
                    onText: ReminderText.heatOn(minutes: s.heatMinutes), offText: ReminderText.heatOff(minutes: s.heatMinutes))
    }

    static func rest(_ s: ReminderSettings) -> SessionKind {
        SessionKind(on: .supineRest, off: nil, treatment: "rest", length: minutes(s.restMinutes),
                    interval: minutes(s.restIntervalMinutes), dailyCap: s.restDailyCap,
                    onText: ReminderText.supineRest(minutes: s.restMinutes), offText: ("", ""))
    }
}

/// Where a kind of session stands across episodes: the daily count and the earliest next start,
/// so two episodes in one day share the cap.
struct SessionCursor {
    var next = Date.distantPast
    var perDay: [Int: Int] = [:]
}

/// One episode's stretch of care: which sessions, from when, until when.
struct EpisodeCare {
    var episode: Entry
    /// Reminder ids carry the episode's uuid.
    var key: String
    var reason: String
}

extension PlanDraft {
    /// Ice, heat and rest sessions for the recent episodes. Care follows the latest episode: a newer
    /// one takes over from an older one that is still open, so two open episodes do not double the reminders.
    mutating func addSessions(for episodes: [Entry], heat treatments: [Entry]) {
        let s = context.settings
        var ice = SessionCursor(), heat = SessionCursor(), rest = SessionCursor()
        for (index, entry) in episodes.enumerated() {
            guard let episode = entry.episode else { continue }
            let start = entry.at
            let takenOver = index + 1 < episodes.count ? episodes[index + 1].at : Date.distantFuture
            let stop = min(episode.endedAt ?? .distantFuture, takenOver, start + hours(24 * s.careDays))
            let acuteEnd = min(stop, start + hours(s.acuteWindowHours))
            let chosenHeat = treatments.first { $0.at >= start && $0.at < stop }
            let heatFrom = min(acuteEnd, chosenHeat?.at ?? .distantFuture)
            let care = EpisodeCare(episode: entry, key: entry.uuid.uuidString.lowercased(),
                                   reason: "\(episode.region.rawValue) episode of \(CivilTime(start, utcOffset: entry.utcOffset).short)")
            addChain(.ice(s), care, from: start, until: heatFrom, cursor: &ice)
            addChain(.rest(s), care, from: start + minutes(s.restIntervalMinutes), until: acuteEnd, cursor: &rest)
            var userSession: Entry?
            if let chosenHeat, chosenHeat.at == heatFrom { userSession = chosenHeat }
            addChain(.heat(s), care, from: heatFrom, until: stop, cursor: &heat, userSession: userSession)
        }
    }

    /// Sessions of one kind from `from` until `until` (no session starts at or after it; a session that
    /// started before still gets its "off"). `userSession`: a heat treatment the user logged, session 1.
    private mutating func addChain(_ kind: SessionKind, _ care: EpisodeCare, from: Date, until: Date,
                                   cursor: inout SessionCursor, userSession: Entry? = nil) {
        var number = 1
        var nominal = max(from, cursor.next)
        if let userSession, let treatment = userSession.treatment {
            // Logged with a start and no length: a session under way, which gets its "off" reminder.
            let start = userSession.at
            cursor.perDay[context.journalDay(of: start), default: 0] += 1
            let end = treatment.minutes.map { start + minutes($0) }
                ?? addOff(kind, care, number: number, start: start, confirmed: false)
            nominal = max(nominal, end + kind.interval)
            number += 1
        }
        var guardCount = 0
        while nominal < until, guardCount < 10_000 {
            guardCount += 1
            guard let start = placeSession(kind, nominal, until: until, cursor: cursor),
                  start + kind.length <= context.horizonEnd else { break }
            let id = "\(kind.on.rawValue):\(care.key):\(number)"
            let (record, placed) = context.resolve(id, at: start, lasting: kind.length, usefulUntil: until)
            let (due, began) = sessionStart(kind, record: record, due: placed)
            add(id, kind.on, scheduled: start, due: due, record: record, urgency: .normal, text: kind.onText,
                reason: "\(kind.treatment) \(number), \(care.reason)")
            guard let began else {
                // Skipped or missed: no session, and the next one keeps the cadence.
                nominal = start + (kind.off == nil ? 0 : kind.length) + kind.interval
                number += 1
                continue
            }
            cursor.perDay[context.journalDay(of: start), default: 0] += 1
            let end = kind.off == nil ? began : addOff(kind, care, number: number, start: began, confirmed: record?.state == .done)
            nominal = end + kind.interval
            cursor.next = nominal
            number += 1
        }
        cursor.next = max(cursor.next, nominal)
    }

    /// When a session began, or nil when it never will (skipped, missed, or too late to show);
    /// and the due time of its reminder (nil: held back past use, to be recorded as missed).
    private func sessionStart(_ kind: SessionKind, record: ReminderRecord?, due: Date?) -> (due: Date?, began: Date?) {
        let now = context.now
        switch record?.state {
        case .skipped?, .missed?: return (due, nil)
        // Done: when the user did it; shown: when it appeared, the session may be under way.
        case .done?, .shown?: return (due, record!.at)
        default:
            guard let due else { return (nil, nil) }
            if due > now { return (due, due) }
            // Held by do-not-disturb or the lock: no session until it is shown (or judged) at the end.
            if context.heldByDesktop(due) { return (due, nil) }
            if now.timeIntervalSince(due) > minutes(context.settings.missedAfterMinutes) { return (due, nil) }
            // Due but not shown yet: the session begins when it is shown, now, and must end before
            // quiet hours or the pause; otherwise it is missed.
            if context.placement.place(now, lasting: kind.length, usefulUntil: now) == nil { return (nil, nil) }
            return (due, now)
        }
    }

    /// The first time from `nominal` that is clear of quiet hours and the pause and under the daily cap.
    private func placeSession(_ kind: SessionKind, _ nominal: Date, until: Date, cursor: SessionCursor) -> Date? {
        var time = nominal
        for _ in 0..<64 {
            guard let placed = context.placement.place(time, lasting: kind.length, usefulUntil: until), placed < until
            else { return nil }
            let day = context.journalDay(of: placed)
            if cursor.perDay[day, default: 0] < kind.dailyCap { return placed }
            time = context.start(ofJournalDay: day + 1)
        }
        return nil
    }

    /// The "off" reminder of a session that began at `start`, and the relief question once the user
    /// confirmed the session. Returns when the session ended.
    private mutating func addOff(_ kind: SessionKind, _ care: EpisodeCare, number: Int, start: Date, confirmed: Bool) -> Date {
        guard let offKind = kind.off else { return start }
        let id = "\(offKind.rawValue):\(care.key):\(number)"
        let scheduled = start + kind.length
        // Tied to its moment: taking the ice off at the end of quiet hours is no use; at the end of
        // do-not-disturb or when the screen unlocks it still is (the ice may still be on).
        let (record, due) = context.resolve(id, at: scheduled, usefulUntil: scheduled, usefulAfterHold: .distantFuture)
        add(id, offKind, scheduled: scheduled, due: due, record: record, urgency: .normal, text: kind.offText,
            reason: "\(kind.treatment) \(number) ends, \(care.reason)")
        var end = scheduled
        if record?.state == .done { end = record!.at }
        if confirmed || record?.state == .done {
            let reliefID = "\(ReminderKind.relief.rawValue):\(id)"
            let asked = end + minutes(context.settings.reliefAfterMinutes)
            let (reliefRecord, reliefDue) = context.resolve(reliefID, at: asked, usefulUntil: asked, usefulAfterHold: .distantFuture)
            add(reliefID, .relief, scheduled: asked, due: reliefDue, record: reliefRecord, urgency: .low,
                text: ReminderText.relief(after: kind.treatment), reason: "after \(kind.treatment) \(number), \(care.reason)")
        }
        return end
    }
}
