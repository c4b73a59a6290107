import Foundation

/// Works out the care plan: from the journal, the reminders' recorded states, the settings and the
/// time, which reminders should exist. Pure: the same input gives the same plan, ids included.
///
/// - Ice (then heat after the acute window, or as soon as the user logs heat) in sessions with an
///   "off" reminder, at the configured interval up to a daily cap, while the latest episode is open;
///   short supine-rest breaks in the acute window; the PT routine at its times every chosen weekday;
///   one caffeine nudge a day at most; the weekly PEG check-in; a red flag at once, whatever the hour.
/// - Quiet hours and a pause hold back everything but urgent red flags: a reminder moves to their end
///   when it is still of use then, and is otherwise recorded as missed.
/// - A reminder that fell due more than `missed_after_minutes` ago without being shown is missed.
public enum CarePlanner {
    /// How far back the plan looks for reminders still to show, record as missed or list as shown.
    public static let lookback: TimeInterval = 24 * 3600

    /// The plan at `now`. `entries` may be the whole journal: only the recent weeks are read.
    /// `desktop`: do-not-disturb and screen-lock holds, the one in force and those that ended lately.
    public static func plan(entries: [Entry], records: [ReminderRecord], configuration: Configuration,
                            pause: PauseWindow?, desktop: DesktopHolds = DesktopHolds(), now: Date, calendar: Calendar) -> CarePlan {
        let context = PlanContext(configuration: configuration, records: records, pause: pause, desktop: desktop,
                                  now: now, zone: calendar.timeZone)
        var draft = PlanDraft(context: context)
        let recent = RecentEntries(entries, context: context)
        draft.addSessions(for: recent.episodes, heat: recent.heatTreatments)
        draft.addRedFlags(for: recent.episodes)
        draft.addCaffeineNudges(for: recent.caffeine)
        draft.addPTRoutine()
        draft.addCheckIn(after: recent.checkins)
        return draft.plan()
    }
}

/// The settings and time one planning run works with.
struct PlanContext {
    let configuration: Configuration
    let settings: ReminderSettings
    let records: [ReminderID: ReminderRecord]
    let placement: Placement
    /// The desktop's hold in force, if any, and those that ended.
    let desktop: DesktopHolds
    let now: Date
    let zone: TimeZone
    /// Reminders due before this are no longer listed.
    let windowStart: Date
    /// Nor those due after this.
    let horizonEnd: Date

    init(configuration: Configuration, records: [ReminderRecord], pause: PauseWindow?, desktop: DesktopHolds = DesktopHolds(),
         now: Date, zone: TimeZone) {
        self.configuration = configuration
        settings = configuration.reminders
        // The latest record of an id wins, should the caller pass its history.
        self.records = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { $0.at <= $1.at ? $1 : $0 })
        placement = Placement(quiet: QuietHours(start: settings.quietStart, end: settings.quietEnd), pause: pause, zone: zone,
                              holds: desktop.ended)
        self.desktop = desktop
        self.now = now
        self.zone = zone
        windowStart = now - max(CarePlanner.lookback, minutes(settings.missedAfterMinutes))
        horizonEnd = now + hours(settings.horizonHours)
    }

    /// The journal day `instant` counts for, as a day number.
    func journalDay(of instant: Date) -> Int {
        JournalDay(instant, utcOffset: zone.secondsFromGMT(for: instant), startHour: configuration.dayStartHour).dayNumber
    }

    /// When journal day `day` starts.
    func start(ofJournalDay day: Int) -> Date {
        TimeOfDay(hour: configuration.dayStartHour, minute: 0)!.on(day: day, in: zone)
    }

    /// Where a reminder stands, and when it is to be shown: scheduled at `time`, moved past quiet hours,
    /// the pause, a desktop hold or a snooze; nil when that move takes it past `usefulUntil` (past
    /// `usefulAfterHold` when only a desktop hold moved it).
    func resolve(_ id: ReminderID, at time: Date, lasting: TimeInterval = 0, usefulUntil: Date,
                 usefulAfterHold: Date? = nil, urgent: Bool = false) -> (record: ReminderRecord?, due: Date?) {
        let record = records[id]
        if urgent { return (record, time) }
        if case .snoozed(let until)? = record?.state {
            // A snooze keeps the reminder's own span of use, counted from the snooze.
            let shift = until.timeIntervalSince(time)
            return (record, placement.place(until, lasting: lasting, usefulUntil: usefulUntil + shift,
                                            usefulAfterHold: usefulAfterHold.map { $0 + shift }))
        }
        return (record, placement.place(time, lasting: lasting, usefulUntil: usefulUntil, usefulAfterHold: usefulAfterHold))
    }

    /// Whether a non-critical reminder due at `due`, not shown yet, waits for the desktop's hold.
    func heldByDesktop(_ due: Date) -> Bool {
        desktop.holds(due, now: now, missedAfter: minutes(settings.missedAfterMinutes))
    }
}

func minutes(_ count: Int) -> TimeInterval { TimeInterval(count) * 60 }
func hours(_ count: Int) -> TimeInterval { TimeInterval(count) * 3600 }

/// The entries planning reads: the recent weeks of the journal, sorted.
struct RecentEntries {
    var episodes: [Entry] = []
    var heatTreatments: [Entry] = []
    var caffeine: [Entry] = []
    /// PEG check-ins: one logged this week makes the weekly reminder unnecessary.
    var checkins: [Entry] = []

    init(_ entries: [Entry], context: PlanContext) {
        let settings = context.settings
        // Sessions run at most `care_days` after an episode starts; a day more covers the lookback.
        let since = context.windowStart - hours(24 * settings.careDays) - hours(24)
        let caffeineSince = context.windowStart - hours(48)
        for entry in entries where entry.at >= since && entry.at <= context.horizonEnd {
            switch entry.body {
            case .episode: episodes.append(entry)
            case .treatment(let t) where t.kind == .heat: heatTreatments.append(entry)
            case .caffeine where entry.at >= caffeineSince: caffeine.append(entry)
            case .checkin: checkins.append(entry)
            default: break
            }
        }
        let order: (Entry, Entry) -> Bool = { ($0.at, $0.uuid.uuidString) < ($1.at, $1.uuid.uuidString) }
        episodes.sort(by: order)
        heatTreatments.sort(by: order)
        caffeine.sort(by: order)
    }
}

/// The reminders found so far, before they are sorted into the plan.
struct PlanDraft {
    let context: PlanContext
    private var items: [Item] = []

    private struct Item {
        var reminder: Reminder
        /// Held back past use by quiet hours or the pause.
        var expired: Bool
        var record: ReminderRecord?
    }

    init(context: PlanContext) { self.context = context }

    /// Adds a reminder at its resolved time (`due` nil: held back past use, so it will be missed).
    mutating func add(_ id: ReminderID, _ kind: ReminderKind, scheduled: Date, due: Date?, record: ReminderRecord?,
                      urgency: ReminderUrgency, text: ReminderText.Text, reason: String) {
        let reminder = Reminder(id: id, kind: kind, due: due ?? scheduled, scheduled: scheduled, urgency: urgency,
                                title: text.title, body: text.body, reason: reason, state: record?.state ?? .planned)
        items.append(Item(reminder: reminder, expired: due == nil, record: record))
    }

    /// Sorts what was found into listed, due now and missed.
    func plan() -> CarePlan {
        let now = context.now
        let missedAfter = minutes(context.settings.missedAfterMinutes)
        var listed: [Reminder] = [], dueNow: [Reminder] = [], missed: [Reminder] = [], held: [Reminder] = []
        for item in items {
            let reminder = item.reminder
            let state = reminder.state
            if state.isFinal || reminder.due < context.windowStart || reminder.due > context.horizonEnd { continue }
            if state == .shown {
                listed.append(reminder)
            } else if item.expired {
                if reminder.scheduled <= now { missed.append(reminder) }
            } else if reminder.due > now {
                listed.append(reminder)
            } else if reminder.urgency != .critical && context.heldByDesktop(reminder.due) {
                // Do-not-disturb or a locked screen: neither shown nor missed until it ends.
                listed.append(reminder)
                held.append(reminder)
            } else if reminder.urgency != .critical && now.timeIntervalSince(reminder.due) > missedAfter {
                missed.append(reminder)
            } else {
                listed.append(reminder)
                dueNow.append(reminder)
            }
        }
        let order: (Reminder, Reminder) -> Bool = { ($0.due, $0.id) < ($1.due, $1.id) }
        return CarePlan(reminders: listed.sorted(by: order), dueNow: dueNow.sorted(by: order), missed: missed.sorted(by: order),
                        held: held.sorted(by: order), heldBy: held.isEmpty ? nil : context.desktop.current?.reason)
    }
}
